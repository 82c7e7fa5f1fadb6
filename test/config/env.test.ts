import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/lib/config/ConfigError.js';
import { applicationId, DEFAULT_DATABASE_URL, envSchema, parseEnv, publicUrl, toolEnvSchema } from '../../src/lib/config/env.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789ab';

function errorOf(env: NodeJS.ProcessEnv): string {
	try {
		parseEnv(envSchema, env);
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	throw new Error('expected a ConfigError');
}

describe('environment', () => {
	it('needs only DISCORD_TOKEN and defaults the rest to SQLite without Redis', () => {
		const env = parseEnv(envSchema, { DISCORD_TOKEN: TOKEN });
		expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
		expect(env.REDIS_URL).toBeUndefined();
		expect(env.OWNER_IDS).toEqual([]);
		expect(env.SHARD_COUNT).toBe('auto');
		expect(env.LOG_FILES).toBe(true);
	});

	it('treats empty values, as .env.example leaves them, as unset', () => {
		const env = parseEnv(envSchema, {
			DISCORD_TOKEN: TOKEN,
			REDIS_URL: '',
			DISCORD_APPLICATION_ID: '',
			SHARD_IDS: '',
			DATABASE_URL: ''
		});
		expect(env.REDIS_URL).toBeUndefined();
		expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
	});

	it('asks for the client secret when the dashboard is on, and a long session secret if one is given', () => {
		expect(parseEnv(envSchema, { DISCORD_TOKEN: TOKEN, WEB_PORT: '' }).WEB_PORT).toBeUndefined();
		expect(errorOf({ DISCORD_TOKEN: TOKEN, WEB_PORT: '3000' })).toMatch(
			/^environment: WEB_PORT is set, so the dashboard needs DISCORD_CLIENT_SECRET \(/
		);
		const short = errorOf({ DISCORD_TOKEN: TOKEN, WEB_PORT: '3000', DISCORD_CLIENT_SECRET: 'x', SESSION_SECRET: 'short' });
		expect(short).toBe('environment: SESSION_SECRET = (hidden): expected at least 32 random characters (openssl rand -hex 32)');
		expect(
			parseEnv(envSchema, { DISCORD_TOKEN: TOKEN, WEB_PORT: '3000', DISCORD_CLIENT_SECRET: 'x' }).SESSION_SECRET
		).toBeUndefined();
		const env = parseEnv(envSchema, {
			DISCORD_TOKEN: TOKEN,
			WEB_PORT: '3000',
			DISCORD_CLIENT_SECRET: 'secret',
			SESSION_SECRET: 'a'.repeat(32)
		});
		expect(publicUrl(env)).toBe('http://127.0.0.1:3000');
		expect(publicUrl({ ...env, PUBLIC_URL: 'https://tickets.example.com/' })).toBe('https://tickets.example.com');
		expect(env.DISCORD_WEB_URL).toBe('https://discord.com');
	});

	it('reads the application ID from the bot token when it is not set', () => {
		const token = `${Buffer.from('123456789012345678').toString('base64')}.x.y`;
		expect(applicationId({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: undefined })).toBe('123456789012345678');
		expect(applicationId({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: '876543210987654321' })).toBe('876543210987654321');
	});

	it('names DISCORD_TOKEN when it is missing, in one line', () => {
		const message = errorOf({});
		expect(message).toContain('DISCORD_TOKEN');
		expect(message).not.toContain('\n');
	});

	it('names the key, the value and what is allowed for a bad value', () => {
		expect(errorOf({ DISCORD_TOKEN: TOKEN, DATABASE_URL: 'mysql://db' })).toBe(
			'environment: DATABASE_URL = "mysql://db": expected file:<path> (SQLite) or postgresql://… (PostgreSQL)'
		);
		expect(errorOf({ DISCORD_TOKEN: TOKEN, OWNER_IDS: '123,abc' })).toMatch(
			/^environment: OWNER_IDS = "123,abc": expected a Discord ID/
		);
		expect(errorOf({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud' })).toMatch(/^environment: LOG_LEVEL = "loud": .*info/);
		expect(errorOf({ DISCORD_TOKEN: TOKEN, REDIS_URL: 'localhost:6379' })).toContain('REDIS_URL');
		expect(errorOf({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '2', SHARD_IDS: '0,2' })).toContain('SHARD_IDS');
	});

	it('never echoes a secret value', () => {
		const message = errorOf({ DISCORD_TOKEN: '' });
		expect(message).toContain('DISCORD_TOKEN');
		const webhook = errorOf({ DISCORD_TOKEN: TOKEN, LOG_FILES: 'maybe' });
		expect(webhook).not.toContain(TOKEN);
	});

	it('parses owners, shards and log settings', () => {
		const env = parseEnv(envSchema, {
			DISCORD_TOKEN: TOKEN,
			OWNER_IDS: '123456789012345678, 223456789012345678',
			SHARD_COUNT: '4',
			SHARD_IDS: '2,3',
			LOG_FILES: 'false',
			LOG_RETENTION: '10'
		});
		expect(env.OWNER_IDS).toEqual(['123456789012345678', '223456789012345678']);
		expect(env.SHARD_COUNT).toBe(4);
		expect(env.SHARD_IDS).toEqual([2, 3]);
		expect(env.LOG_FILES).toBe(false);
	});

	it('lets tools such as the migrator run without a token', () => {
		expect(parseEnv(toolEnvSchema, {}).DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
	});
});
