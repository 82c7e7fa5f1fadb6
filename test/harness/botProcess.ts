// The bot's entry point for tests that add piece folders (TEST_PIECE_PATHS, separated by the path
// delimiter): the same start-up as src/index.ts, plus those folders.
import { delimiter } from 'node:path';
import { start } from '../../src/lib/setup/start.js';
import { webSurface } from '../../src/web/surface.js';
import { SOURCE_DIRECTORY } from './paths.js';

const extra = (process.env.TEST_PIECE_PATHS ?? '').split(delimiter).filter(Boolean);
try {
	await start({
		baseUserDirectory: SOURCE_DIRECTORY,
		beforeLogin: (client) => {
			for (const path of extra) client.stores.registerPath(path);
		},
		surfaces: [webSurface]
	});
} catch (error) {
	console.error('Start-up failed:', error);
	process.exit(1);
}
