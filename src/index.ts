import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { exitForStartFailure } from './lib/setup/failure.js';
import { start } from './lib/setup/start.js';
import { webSurface } from './web/surface.js';

try {
	await start({ baseUserDirectory: fileURLToPath(new URL('.', import.meta.url)), surfaces: [webSurface] });
} catch (error) {
	exitForStartFailure(error);
}
