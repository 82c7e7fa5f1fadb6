import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/lib/cache/Cache.js';
import { createCache } from '../../src/lib/cache/createCache.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { SESSION_TTL_MS, SessionStore } from '../../src/web/sessions.js';
import { REDIS_URL, testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const backends: ('database' | 'redis')[] = REDIS_URL ? ['database', 'redis'] : ['database'];

for (const database of testDatabases())
	for (const backend of backends) {
		describe(`dashboard sessions in the ${backend} (${database.provider})`, () => {
			let handle: DatabaseHandle;
			let store: DataStore;
			let cache: Cache | undefined;
			let now = new Date('2026-12-01T10:00:00Z');
			let sessions: SessionStore;
			const user = { id: '800000000000000021', username: 'alice' };

			beforeAll(async () => {
				({ handle, store } = await migratedStore(database));
				if (backend === 'redis') cache = await createCache(REDIS_URL, undefined, `test-${randomBytes(6).toString('hex')}`);
				sessions = new SessionStore({ db: store, cache }, () => now);
				expect(sessions.kind).toBe(backend);
			});

			afterAll(async () => {
				await cache?.close();
				await handle.close();
				await database.cleanup();
			});

			it('keeps only a hash of the token, and gives a new token for every login', async () => {
				const first = await sessions.create(user, ['900000000000000021']);
				const second = await sessions.create(user, []);
				expect(first).not.toBe(second);
				const rows = await store.prisma.webSession.findMany({ where: { userId: user.id } });
				expect(rows.map((row) => row.id)).not.toContain(first);
				// In Redis, nothing of the login is in the database.
				expect(rows).toHaveLength(backend === 'database' ? 2 : 0);
				expect((await sessions.read(first))?.guildIds).toEqual(['900000000000000021']);
				expect(await sessions.read('not-a-token')).toBeNull();
				expect(await sessions.read(undefined)).toBeNull();
			});

			it('ends a session on logout and when it expires', async () => {
				const token = await sessions.create(user, []);
				expect(await sessions.read(token)).not.toBeNull();
				await sessions.end(token);
				expect(await sessions.read(token)).toBeNull();
				const later = await sessions.create(user, []);
				now = new Date(now.getTime() + SESSION_TTL_MS);
				expect(await sessions.read(later)).toBeNull();
				if (backend === 'database') {
					await sessions.create(user, []);
					expect(await store.prisma.webSession.count()).toBe(1);
				}
			});
		});
	}
