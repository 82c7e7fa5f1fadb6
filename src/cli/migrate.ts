import 'dotenv/config';
import { ConfigError } from '../lib/config/ConfigError.js';
import { parseEnv, toolEnvSchema } from '../lib/config/env.js';
import { runMigrations } from '../lib/database/runMigrations.js';
import { providerOf } from '../lib/database/url.js';

// npm run db:migrate: applies pending migrations without starting the bot (the bot also does this at start-up).
try {
	const env = parseEnv(toolEnvSchema);
	const report = await runMigrations(env.DATABASE_URL);
	const applied = report.applied.length ? report.applied.join(', ') : 'none';
	console.log(`${providerOf(env.DATABASE_URL)}: applied ${applied}; ${report.alreadyApplied} already applied`);
} catch (error) {
	console.error(
		error instanceof ConfigError ? `Configuration error: ${error.message}` : `Migration error: ${(error as Error).message}`
	);
	process.exit(1);
}
