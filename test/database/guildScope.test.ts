import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { GuildScopeError } from '../../src/lib/database/guildScope.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const GUILD_A = '100000000000000001';
const GUILD_B = '200000000000000002';
const USER = '300000000000000003';

for (const database of testDatabases()) {
	describe(`guild isolation on ${database.provider}`, () => {
		let handle: DatabaseHandle;
		let store: DataStore;

		beforeAll(async () => {
			({ handle, store } = await migratedStore(database));
		});

		afterAll(async () => {
			await handle?.close();
			await database.cleanup();
		});

		async function ticketIn(guildId: string, number: number) {
			return store.forGuild(guildId).db.ticket.create({ data: { guildId, number, openerId: USER, ownerId: USER } });
		}

		it('lists, counts and finds only the rows of its own guild', async () => {
			const a = store.forGuild(GUILD_A);
			const b = store.forGuild(GUILD_B);
			await ticketIn(GUILD_A, 1);
			await ticketIn(GUILD_A, 2);
			const foreign = await ticketIn(GUILD_B, 1);

			expect((await a.db.ticket.findMany()).map((t) => t.guildId)).toEqual([GUILD_A, GUILD_A]);
			expect(await b.db.ticket.count()).toBe(1);
			expect(await a.db.ticket.findUnique({ where: { id: foreign.id } })).toBeNull();
			expect(await a.db.ticket.findFirst({ where: { number: 1, openerId: USER } })).toMatchObject({ guildId: GUILD_A });
		});

		it('cannot change or delete another guild’s rows', async () => {
			const a = store.forGuild(GUILD_A);
			const foreign = await ticketIn(GUILD_B, 50);
			await expect(a.db.ticket.update({ where: { id: foreign.id }, data: { priority: 'urgent' } })).rejects.toThrow();
			expect((await a.db.ticket.updateMany({ data: { closeReason: 'x' }, where: { number: 50 } })).count).toBe(0);
			await expect(a.db.ticket.delete({ where: { id: foreign.id } })).rejects.toThrow();
			expect((await a.db.ticket.deleteMany({ where: { id: foreign.id } })).count).toBe(0);
			expect(await store.forGuild(GUILD_B).db.ticket.findUnique({ where: { id: foreign.id } })).toMatchObject({
				priority: 'normal',
				closeReason: null
			});
		});

		it('refuses a query that names another guild', async () => {
			const a = store.forGuild(GUILD_A);
			await expect(a.db.ticket.findMany({ where: { guildId: GUILD_B } })).rejects.toThrow(GuildScopeError);
			await expect(a.db.ticket.create({ data: { guildId: GUILD_B, number: 99, openerId: USER, ownerId: USER } })).rejects.toThrow(
				GuildScopeError
			);
			await expect(a.db.ticket.findUnique({ where: { guildId_number: { guildId: GUILD_B, number: 1 } } })).rejects.toThrow(
				GuildScopeError
			);
			await expect(
				a.db.blacklistEntry.upsert({
					where: { guildId_userId: { guildId: GUILD_A, userId: USER } },
					create: { guildId: GUILD_A, userId: USER, reason: 'spam', createdById: USER },
					update: { guildId: GUILD_B }
				})
			).rejects.toThrow(GuildScopeError);
		});

		it('keeps settings and ticket numbers per guild', async () => {
			const a = store.forGuild(GUILD_A);
			const b = store.forGuild(GUILD_B);
			await a.updateSettings({ locale: 'fr', prefix: '?' });
			expect(await a.settings()).toMatchObject({ locale: 'fr', prefix: '?' });
			expect(await b.settings()).toMatchObject({ locale: null, prefix: null });

			expect([await a.nextTicketNumber(), await a.nextTicketNumber(), await b.nextTicketNumber()]).toEqual([1, 2, 1]);
		});

		it('hands out each ticket number once when many are asked for at once', async () => {
			const guild = store.forGuild('400000000000000004');
			const numbers = await Promise.all(Array.from({ length: 40 }, () => guild.nextTicketNumber()));
			expect(numbers.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		});
	});
}
