import { ConfigError } from '../config/ConfigError.js';
import { MigrationError } from '../database/migrator.js';

/** Discord's refusals that the operator fixes in the developer portal, not in the code. */
const LOGIN_PROBLEMS: Record<string, string> = {
	TokenInvalid:
		'environment: DISCORD_TOKEN was refused by Discord: copy the token again from the developer portal (Bot > Reset Token)',
	DisallowedIntents:
		'Discord refused the gateway intents: enable "Server Members Intent" and "Message Content Intent" in the developer portal (Bot > Privileged Gateway Intents)'
};

/**
 * Says why a process did not start, then exits 1: operator mistakes get one line that says what to fix;
 * anything else is a bug and keeps its stack.
 */
export function exitForStartFailure(error: unknown): never {
	const loginProblem = LOGIN_PROBLEMS[(error as { code?: string }).code ?? ''];
	if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
	else if (error instanceof MigrationError) console.error(`Migration error: ${error.message}`);
	else if (loginProblem) console.error(`Configuration error: ${loginProblem}`);
	else if ((error as { status?: number }).status === 401) console.error(`Configuration error: ${LOGIN_PROBLEMS.TokenInvalid}`);
	else console.error('Start-up failed:', error);
	process.exit(1);
}
