import { LogLevel } from '@sapphire/framework';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppLogger } from '../../src/lib/logging/AppLogger.js';
import { Redactor } from '../../src/lib/logging/redact.js';
import { createRedactor } from '../../src/lib/setup/logger.js';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.Zz9_yXwVuTsRqPoNmLkJiHgFeDcBa-1234567';
const DB_PASSWORD = 'pg-s3cret-Passw0rd';
const REDIS_PASSWORD = 'r3dis-hunter2-pass';

function capture(): { stream: Writable; text: () => string } {
	let text = '';
	const stream = new Writable({
		write(chunk, _encoding, done) {
			text += chunk.toString();
			done();
		}
	});
	return { stream, text: () => text };
}

describe('secret redaction', () => {
	const redactor = createRedactor({
		DISCORD_TOKEN: TOKEN,
		DATABASE_URL: `postgresql://bot:${DB_PASSWORD}@db:5432/tickets`,
		REDIS_URL: `redis://:${REDIS_PASSWORD}@cache:6379`
	});

	it('hides the configured secrets wherever they appear', () => {
		const line = redactor.redact(`login with ${TOKEN}; db ${DB_PASSWORD}; cache ${REDIS_PASSWORD}`);
		for (const secret of [TOKEN, DB_PASSWORD, REDIS_PASSWORD]) expect(line).not.toContain(secret);
		expect(line).toContain('[REDACTED]');
	});

	it('hides secrets nobody registered: other tokens, URL passwords, webhook and interaction tokens', () => {
		const other = new Redactor();
		const stranger = 'ODk4NzY1NDMyMTA5ODc2NTQz.YaBcDe.AbCdEfGhIjKlMnOpQrStUvWxYz0123456';
		const text = other.redact(
			[
				`token ${stranger}`,
				'Authorization: Bot abcdefghijklmnopqrstuvwxyz.123',
				'postgresql://user:hunter22@host/db',
				'POST /api/v10/webhooks/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA',
				'POST /api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb24tdG9rZW4tc2VjcmV0LXZhbHVl/callback',
				'api token tkb_Zm9vYmFyYmF6cXV4cXV1eGNvcmdl, webhook secret whsec_c2VjcmV0LXNpZ25pbmcta2V5'
			].join('\n')
		);
		for (const secret of [
			stranger,
			'abcdefghijklmnopqrstuvwxyz.123',
			'hunter22',
			'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA',
			'aW50ZXJhY3Rpb24tdG9rZW4tc2VjcmV0LXZhbHVl',
			'Zm9vYmFyYmF6cXV4cXV1eGNvcmdl',
			'c2VjcmV0LXNpZ25pbmcta2V5'
		]) {
			expect(text).not.toContain(secret);
		}
		expect(text).toContain('/webhooks/123456789012345678/[REDACTED]');
		expect(text).toContain('tkb_[REDACTED], webhook secret whsec_[REDACTED]');
	});

	it('keeps secrets out of the console and the JSON log files, in messages, errors and fields', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'logs-'));
		const out = capture();
		const err = capture();
		const logger = new AppLogger({
			level: LogLevel.Debug,
			stdout: out.stream,
			stderr: err.stream,
			redactor,
			file: { directory, maxSize: '1m', retention: '3' }
		});
		const failure = new Error(`connect failed for postgresql://bot:${DB_PASSWORD}@db:5432/tickets`);
		logger.info(`logging in with ${TOKEN}`);
		logger.error('request failed', { ref: 'E-TEST', error: failure, headers: { authorization: `Bot ${TOKEN}` } });
		logger.debug({ nested: { redis: `redis://:${REDIS_PASSWORD}@cache:6379` } });
		await logger.close();

		const files = readdirSync(directory).filter((name) => name.endsWith('.log'));
		expect(files).toHaveLength(1);
		const fileText = readFileSync(join(directory, files[0]!), 'utf8');
		const lines = fileText
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as Record<string, unknown>);
		expect(lines.map((line) => line.level)).toEqual(['info', 'error', 'debug']);
		expect(lines[1]).toMatchObject({ msg: 'request failed', ref: 'E-TEST' });
		expect(typeof lines[0]!.time).toBe('string');

		for (const text of [fileText, out.text(), err.text()]) {
			for (const secret of [TOKEN, DB_PASSWORD, REDIS_PASSWORD]) expect(text).not.toContain(secret);
		}
		expect(out.text() + err.text()).toContain('E-TEST');
	});
});
