import { join, resolve } from 'node:path';
import type { Env } from '../config/env.js';
import { AppLogger, parseLogLevel } from '../logging/AppLogger.js';
import { Redactor } from '../logging/redact.js';

/** The redactor knows every secret the environment holds before anything is logged. */
export function createRedactor(env: Partial<Env>): Redactor {
	return new Redactor().add(env.DISCORD_TOKEN).addUrlPassword(env.DATABASE_URL).addUrlPassword(env.REDIS_URL);
}

export function createLogger(env: Env, redactor: Redactor): AppLogger {
	return new AppLogger({
		level: parseLogLevel(env.LOG_LEVEL),
		redactor,
		file: env.LOG_FILES
			? { directory: resolve(join(env.LOG_DIR)), maxSize: env.LOG_MAX_SIZE, retention: env.LOG_RETENTION }
			: undefined
	});
}
