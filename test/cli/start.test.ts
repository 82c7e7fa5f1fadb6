import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, REDIS_URL, testDatabases } from '../helpers/databases.js';

/** Starts the bot as `npm start` does (minus the build), with only the given environment. */
function startBot(env: Record<string, string>) {
	const folder = mkdtempSync(join(tmpdir(), 'start-'));
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
		encoding: 'utf8',
		timeout: 30_000,
		env: {
			PATH: process.env.PATH,
			// Keep a developer's own .env and config out of the test.
			DOTENV_CONFIG_PATH: join(folder, 'no.env'),
			CONFIG_PATH: join(folder, 'config.yaml'),
			DATABASE_URL: `file:${join(folder, 'bot.db')}`,
			LOG_FILES: 'false',
			...env
		}
	});
	return { ...result, folder };
}

describe('starting the bot', () => {
	it('without a token exits non-zero with one line naming DISCORD_TOKEN', () => {
		const { status, stderr, stdout } = startBot({});
		expect(status).toBe(1);
		const lines = stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^Configuration error: environment: DISCORD_TOKEN = missing: required/);
		expect(stdout).toBe('');
	});

	it('with a bad config.yaml value exits non-zero with one line naming the key', () => {
		const folder = mkdtempSync(join(tmpdir(), 'cfg-'));
		const config = join(folder, 'config.yaml');
		writeFileSync(config, 'tickets:\n  hourlyLimit: 0\n');
		const { status, stderr } = startBot({ DISCORD_TOKEN: 'x'.repeat(30), CONFIG_PATH: config });
		expect(status).toBe(1);
		expect(stderr.trim()).toBe(`Configuration error: ${config}: tickets.hourlyLimit = 0: expected a whole number from 1 to 1000`);
	});
});

/** A Discord REST API that refuses every token, so a start-up runs to the login and stops there. */
async function refusingDiscord() {
	const requests: string[] = [];
	const server = createServer((request, response) => {
		requests.push(`${request.method} ${request.url}`);
		response
			.writeHead(401, { 'content-type': 'application/json' })
			.end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, requests, close: () => server.close() };
}

/** Runs the bot in the background (spawnSync would block the fake Discord in this process). */
function startBotAsync(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
			env: { PATH: process.env.PATH, DOTENV_CONFIG_PATH: '/nonexistent/.env', LOG_FILES: 'false', ...env },
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (status) => resolve({ status, stderr }));
	});
}

describe.skipIf(!POSTGRES_URL || !REDIS_URL)(
	'the container start-up (PostgreSQL, Redis, health port), run outside Docker',
	() => {
		const postgres = testDatabases().find((database) => database.provider === 'postgresql')!;
		afterAll(() => postgres?.cleanup());

		it('migrates PostgreSQL, connects Redis, reaches Discord and reports a refused token in one line', async () => {
			const discord = await refusingDiscord();
			try {
				const url = await postgres.create();
				const { status, stderr } = await startBotAsync({
					DISCORD_TOKEN: 'refused.token.value',
					DISCORD_API_URL: discord.url,
					DATABASE_URL: url,
					REDIS_URL: REDIS_URL!,
					HEALTH_PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
					CONFIG_PATH: 'config/config.example.yaml'
				});
				expect(status).toBe(1);
				expect(stderr.trim()).toBe(
					'Configuration error: environment: DISCORD_TOKEN was refused by Discord: copy the token again from the developer portal (Bot > Reset Token)'
				);
				expect(discord.requests).toEqual(['GET /api/v10/gateway/bot']);
				const client = new pg.Client({ connectionString: url });
				await client.connect();
				const { rows } = await client.query('SELECT name FROM "_ticketbot_migrations"');
				await client.end();
				expect(rows.length).toBeGreaterThan(0);
			} finally {
				discord.close();
			}
		});
	}
);
