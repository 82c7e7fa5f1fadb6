import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './lib/config/ConfigError.js';
import { MigrationError } from './lib/database/migrator.js';
import { start } from './lib/setup/start.js';
import { webSurface } from './web/surface.js';

/** Discord's refusals that the operator fixes in the developer portal, not in the code. */
const LOGIN_PROBLEMS: Record<string, string> = {
	TokenInvalid:
		'environment: DISCORD_TOKEN was refused by Discord: copy the token again from the developer portal (Bot > Reset Token)',
	DisallowedIntents:
		'Discord refused the gateway intents: enable "Server Members Intent" and "Message Content Intent" in the developer portal (Bot > Privileged Gateway Intents)'
};

try {
	await start({ baseUserDirectory: fileURLToPath(new URL('.', import.meta.url)), surfaces: [webSurface] });
} catch (error) {
	// Operator mistakes get one line that says what to fix; anything else is a bug and keeps its stack.
	const loginProblem = LOGIN_PROBLEMS[(error as { code?: string }).code ?? ''];
	if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
	else if (error instanceof MigrationError) console.error(`Migration error: ${error.message}`);
	else if (loginProblem) console.error(`Configuration error: ${loginProblem}`);
	else console.error('Start-up failed:', error);
	process.exit(1);
}
