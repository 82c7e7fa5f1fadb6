import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsService } from '../../src/lib/analytics/AnalyticsService.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const GUILD = '100000000000000001';

for (const database of testDatabases()) {
	describe(`CSV export of a large guild (${database.provider})`, () => {
		let handle: DatabaseHandle;
		let store: DataStore;
		beforeAll(async () => {
			({ handle, store } = await migratedStore(database));
		});
		afterAll(async () => {
			await handle?.close();
			await database.cleanup();
		});

		it('writes every ticket once, in order, across the pages it reads', async () => {
			const data = store.forGuild(GUILD);
			const total = 12_345;
			for (let start = 0; start < total; start += 2500)
				await data.db.ticket.createMany({
					data: Array.from({ length: Math.min(2500, total - start) }, (_, offset) => ({
						guildId: GUILD,
						number: start + offset + 1,
						openerId: '200000000000000001',
						ownerId: '200000000000000001',
						status: 'closed',
						// A soft-deleted ticket on a page boundary is left out without losing its neighbours.
						softDeletedAt: start + offset + 1 === 5000 ? new Date() : null
					}))
				});
			const { csv, rows } = await new AnalyticsService().exportCsv(data);
			const numbers = csv
				.trimEnd()
				.split('\r\n')
				.slice(1)
				.map((line) => Number(line.split(',')[0]));
			expect(rows).toBe(total - 1);
			expect(numbers).toHaveLength(total - 1);
			expect(numbers).toEqual(Array.from({ length: total }, (_, index) => index + 1).filter((number) => number !== 5000));
		}, 60_000);
	});
}
