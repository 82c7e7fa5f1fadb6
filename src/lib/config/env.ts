import { z } from 'zod';
import { ConfigError, describeIssues } from './ConfigError.js';

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord ID (17 to 20 digits)');
const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const booleanText = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
	.transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A size such as 20m or 1g (bytes when no unit), as accepted by the log rotation. */
const sizeText = z.string().regex(/^\d+[kmg]?$/i, 'expected a size such as 500k, 20m or 1g');
/** A retention such as 14d (days) or 10 (files). */
const retentionText = z.string().regex(/^\d+d?$/, 'expected a number of files such as 10, or of days such as 14d');

export const DEFAULT_DATABASE_URL = 'file:./data/ticket-bot.db';

export const databaseUrl = z
	.string()
	.refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), 'expected file:<path> (SQLite) or postgresql://… (PostgreSQL)');

export const envSchema = z.object({
	DISCORD_TOKEN: z
		.string({ message: 'required: the bot token from the Discord developer portal' })
		.min(1, 'required: the bot token from the Discord developer portal'),
	DISCORD_APPLICATION_ID: optional(snowflake),
	REDIS_PREFIX: z.preprocess(
		emptyAsUndefined,
		z
			.string()
			.regex(/^[\w-]{1,40}$/, 'expected 1 to 40 letters, digits, - or _')
			.default('ticketbot')
	),
	DISCORD_API_URL: optional(
		z.url({ protocol: /^https?$/, message: 'expected an http(s) URL such as http://127.0.0.1:8080/api' })
	),
	// Discord's global cap for the bot token (50 unless Discord raised it for a large bot), shared through
	// Redis by every process of the deployment.
	DISCORD_REQUESTS_PER_SECOND: z.preprocess(
		emptyAsUndefined,
		z.coerce.number().int().min(1, 'expected a whole number from 1').max(100_000).default(50)
	),
	DATABASE_URL: z.preprocess(emptyAsUndefined, databaseUrl.default(DEFAULT_DATABASE_URL)),
	REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, 'expected redis://host:port or rediss://host:port')),
	OWNER_IDS: z.preprocess(
		emptyAsUndefined,
		z
			.string()
			.default('')
			.transform((value) =>
				value
					.split(',')
					.map((id) => id.trim())
					.filter(Boolean)
			)
			.pipe(z.array(snowflake))
	),
	CONFIG_PATH: z.preprocess(emptyAsUndefined, z.string().default('config/config.yaml')),
	LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info')),
	LOG_DIR: z.preprocess(emptyAsUndefined, z.string().default('logs')),
	LOG_FILES: z.preprocess(emptyAsUndefined, booleanText.default(true)),
	LOG_MAX_SIZE: z.preprocess(emptyAsUndefined, sizeText.default('20m')),
	LOG_RETENTION: z.preprocess(emptyAsUndefined, retentionText.default('14d')),
	HEALTH_PORT: optional(z.coerce.number().int().min(1).max(65_535, 'expected a port from 1 to 65535')),
	HEALTH_HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
	SHARD_COUNT: z.preprocess(
		emptyAsUndefined,
		z
			.union([z.literal('auto'), z.coerce.number().int().min(1).max(16384)], {
				message: "expected 'auto' or a whole number from 1"
			})
			.default('auto')
	),
	SHARD_IDS: optional(
		z
			.string()
			.regex(/^\d+(,\d+)*$/, 'expected shard numbers separated by commas, such as 0,1')
			.transform((value) => value.split(',').map(Number))
	),
	// The web dashboard: served when WEB_PORT is set (in the bot's process with npm start, alone with npm run web).
	WEB_PORT: optional(z.coerce.number().int().min(1).max(65_535, 'expected a port from 1 to 65535')),
	WEB_HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
	PUBLIC_URL: optional(
		z.url({ protocol: /^https?$/, message: 'expected the address browsers open, such as https://tickets.example.com' })
	),
	DISCORD_CLIENT_SECRET: optional(z.string().min(1)),
	SESSION_SECRET: optional(z.string().min(32, 'expected at least 32 random characters (openssl rand -hex 32)')),
	DISCORD_WEB_URL: z.preprocess(
		emptyAsUndefined,
		z.url({ protocol: /^https?$/, message: 'expected an http(s) URL such as https://discord.com' }).default('https://discord.com')
	)
});

export type Env = z.infer<typeof envSchema>;

/** Settings that tools such as the migrator need, without a bot token. */
export const toolEnvSchema = envSchema.pick({ DATABASE_URL: true, LOG_LEVEL: true });

/** Parses the environment; a bad value throws a one-line ConfigError naming the variable. */
export function parseEnv<T extends z.ZodType>(schema: T, source: NodeJS.ProcessEnv = process.env): z.infer<T> {
	const result = schema.safeParse(source);
	if (!result.success) throw new ConfigError(describeIssues('environment', result.error, source));
	const env = result.data as Env;
	if ('SHARD_IDS' in env && env.SHARD_IDS && typeof env.SHARD_COUNT === 'number') {
		const outside = env.SHARD_IDS.find((id) => id >= (env.SHARD_COUNT as number));
		if (outside !== undefined)
			throw new ConfigError(
				`environment: SHARD_IDS = "${outside}": every shard number must be below SHARD_COUNT (${env.SHARD_COUNT})`
			);
	}
	if ('WEB_PORT' in env && env.WEB_PORT !== undefined) {
		if (!env.DISCORD_CLIENT_SECRET)
			throw new ConfigError(
				'environment: WEB_PORT is set, so the dashboard needs DISCORD_CLIENT_SECRET (the client secret from the developer portal > OAuth2)'
			);
	}
	return result.data;
}

/** The address browsers open for the dashboard (its OAuth2 redirect is <this>/auth/callback). */
export function publicUrl(env: Pick<Env, 'PUBLIC_URL' | 'WEB_HOST' | 'WEB_PORT'>): string {
	if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/$/, '');
	const host = env.WEB_HOST === '0.0.0.0' || env.WEB_HOST === '::' ? 'localhost' : env.WEB_HOST;
	return `http://${host.includes(':') ? `[${host}]` : host}:${env.WEB_PORT}`;
}

/** The application (OAuth2 client) ID: set, or read from the bot token, whose first part is it in base64. */
export function applicationId(env: Pick<Env, 'DISCORD_APPLICATION_ID' | 'DISCORD_TOKEN'>): string {
	return env.DISCORD_APPLICATION_ID ?? Buffer.from(env.DISCORD_TOKEN.split('.')[0] ?? '', 'base64').toString('utf8');
}
