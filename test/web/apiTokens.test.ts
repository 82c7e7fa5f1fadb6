import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { Refusal } from '../../src/lib/errors/Refusal.js';
import { LanguageKeys } from '../../src/lib/i18n/languageKeys.js';
import { ApiTokenStore, MAX_TOKENS } from '../../src/lib/api/tokens.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const GUILD = '900000000000000031';
const OTHER = '900000000000000032';
const ADMIN = '800000000000000031';

const refusalKey = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error: unknown) => (error instanceof Refusal ? error.notice.key : error)
	);

for (const database of testDatabases()) {
	describe(`API tokens (${database.provider})`, () => {
		let handle: DatabaseHandle;
		let store: DataStore;
		let now = new Date('2026-12-03T10:00:00Z');
		let tokens: ApiTokenStore;

		beforeAll(async () => {
			({ handle, store } = await migratedStore(database));
			tokens = new ApiTokenStore(store, () => now);
		});

		afterAll(async () => {
			await handle.close();
			await database.cleanup();
		});

		it('hands out a recognisable random token once and keeps only its SHA-256', async () => {
			const { token, info } = await tokens.create(GUILD, { name: 'ci', scope: 'write', createdById: ADMIN });
			expect(token).toMatch(/^tkb_[\w-]{43}$/);
			expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
			const row = await store.prisma.apiToken.findUniqueOrThrow({ where: { id: info.id } });
			expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
			expect(JSON.stringify(row)).not.toContain(token.slice(4));
			expect(await tokens.find(token)).toMatchObject({ guildId: GUILD, name: 'ci', scope: 'write', revokedAt: null });
			expect(await tokens.find(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
			expect(await tokens.find('tkb_short')).toBeNull();
			const second = await tokens.create(GUILD, { name: 'other', scope: 'read', createdById: ADMIN });
			expect(second.token).not.toBe(token);
		});

		it('refuses a bad name, a name in use and a full guild; a revoked name can be used again', async () => {
			for (const name of ['', 'with space', 'x'.repeat(33), 'émoji', '<@1>'])
				expect(await refusalKey(tokens.create(GUILD, { name, scope: 'read', createdById: ADMIN })), name).toBe(
					LanguageKeys.Api.BadName
				);
			expect(await refusalKey(tokens.create(GUILD, { name: 'ci', scope: 'read', createdById: ADMIN }))).toBe(
				LanguageKeys.Api.NameTaken
			);
			// Names are per guild.
			await tokens.create(OTHER, { name: 'ci', scope: 'read', createdById: ADMIN });

			const revoked = await tokens.revoke(GUILD, 'ci');
			expect(revoked?.name).toBe('ci');
			expect(await tokens.revoke(GUILD, 'ci')).toBeNull();
			expect(await tokens.revoke(OTHER, 'other')).toBeNull();
			const again = await tokens.create(GUILD, { name: 'ci', scope: 'read', createdById: ADMIN });
			expect((await tokens.list(GUILD)).map((token) => token.name)).toEqual(['other', 'ci']);
			expect(await store.prisma.apiToken.count({ where: { guildId: GUILD, name: 'ci' } })).toBe(2);
			expect((await tokens.find(again.token))?.revokedAt).toBeNull();

			for (let i = (await tokens.list(GUILD)).length; i < MAX_TOKENS; i++)
				await tokens.create(GUILD, { name: `bulk-${i}`, scope: 'read', createdById: ADMIN });
			expect(await refusalKey(tokens.create(GUILD, { name: 'one-more', scope: 'read', createdById: ADMIN }))).toBe(
				LanguageKeys.Api.TooMany
			);
		});

		it('keeps a revoked token findable (so the API can say it was revoked), and notes its use once a minute', async () => {
			const { token } = await tokens.create(OTHER, { name: 'used', scope: 'read', createdById: ADMIN });
			const found = (await tokens.find(token))!;
			expect(found.lastUsedAt).toBeNull();
			await tokens.touch(found);
			const first = (await tokens.find(token))!.lastUsedAt;
			expect(first).toEqual(now);
			now = new Date(now.getTime() + 30_000);
			await tokens.touch((await tokens.find(token))!);
			expect((await tokens.find(token))!.lastUsedAt).toEqual(first);
			now = new Date(now.getTime() + 60_000);
			await tokens.touch((await tokens.find(token))!);
			expect((await tokens.find(token))!.lastUsedAt).toEqual(now);

			await tokens.revoke(OTHER, 'used');
			expect((await tokens.find(token))?.revokedAt).toEqual(now);
			expect((await tokens.list(OTHER)).map((entry) => entry.name)).toEqual(['ci']);
		});
	});
}
