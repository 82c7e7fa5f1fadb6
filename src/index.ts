import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './lib/config/ConfigError.js';
import { MigrationError } from './lib/database/migrator.js';
import { start } from './lib/setup/start.js';

try {
	await start({ baseUserDirectory: fileURLToPath(new URL('.', import.meta.url)) });
} catch (error) {
	// Operator mistakes get one line that says what to fix; anything else is a bug and keeps its stack.
	if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
	else if (error instanceof MigrationError) console.error(`Migration error: ${error.message}`);
	else console.error('Start-up failed:', error);
	process.exit(1);
}
