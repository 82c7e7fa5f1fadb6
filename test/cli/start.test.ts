import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
