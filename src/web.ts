import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { exitForStartFailure } from './lib/setup/failure.js';
import { startAlone } from './lib/setup/start.js';
import { webSurface } from './web/surface.js';

// The dashboard and API alone (`npm run web`), beside a bot started with `npm start` on the same database.
try {
	await startAlone(webSurface, { baseUserDirectory: fileURLToPath(new URL('.', import.meta.url)) });
} catch (error) {
	exitForStartFailure(error);
}
