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
});
