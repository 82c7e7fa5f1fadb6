import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

describe.each(testDatabases())('guild data ($provider)', (database) => {
	let handle: DatabaseHandle;
	let store: DataStore;

	beforeAll(async () => {
		({ handle, store } = await migratedStore(database));
	});

	afterAll(async () => {
		await handle?.close();
		await database.cleanup();
	});

	it('makes a new guild’s settings row once, however many first reads arrive together', async () => {
		// The dashboard's first page of a guild asks two policy questions at once, each reading the settings.
		const data = store.forGuild('900000000000000031');
		const rows = await Promise.all(Array.from({ length: 20 }, () => data.settings()));
		expect(new Set(rows.map((row) => row.guildId))).toEqual(new Set(['900000000000000031']));
		expect(await store.prisma.guildSettings.count({ where: { guildId: '900000000000000031' } })).toBe(1);
	});

	it('shares a read that callers ask for at the same moment, and keeps nothing once it is done', async () => {
		let reads = 0;
		const read = async () => {
			reads++;
			await new Promise((resolve) => setTimeout(resolve, 20));
			return reads;
		};
		// Two views of the same guild (a page's navigation and its list) ask together: one read.
		const [first, second] = await Promise.all([
			store.forGuild('900000000000000032').shared('roles', read),
			store.forGuild('900000000000000032').shared('roles', read)
		]);
		expect([first, second, reads]).toEqual([1, 1, 1]);
		// Another guild's, or a later ask, reads again.
		expect(await store.forGuild('900000000000000033').shared('roles', read)).toBe(2);
		expect(await store.forGuild('900000000000000032').shared('roles', read)).toBe(3);
		// A failed read is not kept either.
		await expect(store.forGuild('900000000000000032').shared('roles', () => Promise.reject(new Error('down')))).rejects.toThrow(
			'down'
		);
		expect(await store.forGuild('900000000000000032').shared('roles', read)).toBe(4);
	});
});
