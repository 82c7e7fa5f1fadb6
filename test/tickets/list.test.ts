import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/access/actor.js';
import { everyoneOnlyCheck } from '../../src/lib/access/roles.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { TicketStatus } from '../../src/lib/model/status.js';
import { LIST_COUNT_LIMIT, listTickets } from '../../src/lib/tickets/list.js';
import type { TicketServices } from '../../src/lib/tickets/services.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const GUILD = '900000000000000011';
const admin: Actor = { userId: '800000000000000013', roleIds: [], isAdmin: true, isOwner: false };
const member: Actor = { userId: '800000000000000014', roleIds: [], isAdmin: false, isOwner: false };
const MORE = 25;

/** A list counts its matches up to LIST_COUNT_LIMIT and says when there are more; filters count exactly. */
for (const database of testDatabases()) {
	describe(`the ticket list of a large guild (${database.provider})`, () => {
		let handle: DatabaseHandle;
		let store: DataStore;
		let services: TicketServices;

		beforeAll(async () => {
			({ handle, store } = await migratedStore(database));
			services = { db: store, roles: everyoneOnlyCheck, log: { warn: () => undefined } } as unknown as TicketServices;
			const data = store.forGuild(GUILD);
			const total = LIST_COUNT_LIMIT + MORE;
			for (let start = 0; start < total; start += 2000)
				await data.db.ticket.createMany({
					data: Array.from({ length: Math.min(2000, total - start) }, (_, offset) => {
						const number = start + offset + 1;
						const opener = number % 1000 === 0 ? member.userId : '300000000000000001';
						return {
							guildId: GUILD,
							number,
							openerId: opener,
							ownerId: opener,
							status: TicketStatus.Open,
							priority: number <= 3 ? 'high' : 'normal'
						};
					})
				});
		}, 60_000);

		afterAll(async () => {
			await handle.close();
			await database.cleanup();
		});

		it('counts up to the limit, says there are more, and ends its pages there', async () => {
			const first = await listTickets(services, admin, GUILD, { page: 0, status: 0, categoryId: 0, userId: '0' });
			expect(first).toMatchObject({ total: LIST_COUNT_LIMIT, totalCapped: true, pages: LIST_COUNT_LIMIT / 10, page: 0 });
			expect(first.tickets.map((ticket) => ticket.number)).toEqual(
				Array.from({ length: 10 }, (_, index) => LIST_COUNT_LIMIT + MORE - index)
			);
			const far = await listTickets(services, admin, GUILD, { page: 5000, status: 0, categoryId: 0, userId: '0' });
			expect(far.page).toBe(LIST_COUNT_LIMIT / 10 - 1);
			expect(far.tickets).toHaveLength(10);
			expect(far.tickets[0]!.number).toBe(MORE + 10);
		});

		it('counts exactly below the limit: filters and a member’s own list', async () => {
			const filtered = await listTickets(services, admin, GUILD, {
				page: 0,
				status: 0,
				categoryId: 0,
				userId: '0',
				more: { priority: 'high' }
			});
			expect(filtered).toMatchObject({ total: 3, totalCapped: false, pages: 1 });
			const own = await listTickets(services, member, GUILD, { page: 0, status: 0, categoryId: 0, userId: '0' });
			expect(own).toMatchObject({ total: 10, totalCapped: false });
		});

		it('pages a search’s matches by ticket number, newest first, whatever order they were stored in', async () => {
			const elsewhere = '900000000000000012';
			// Numbers run against the order of the rows (tickets imported from another bot, say).
			for (let number = 30; number >= 1; number--)
				await store.forGuild(elsewhere).db.ticket.create({
					data: {
						guildId: elsewhere,
						number,
						openerId: number % 2 === 0 ? member.userId : admin.userId,
						ownerId: number % 2 === 0 ? member.userId : admin.userId,
						answersText: number <= 25 ? 'quokka sighting' : 'nothing here'
					}
				});
			const search = (actor: Actor, page: number) =>
				listTickets(services, actor, elsewhere, { page, status: 0, categoryId: 0, userId: '0', more: { text: 'quokka' } });
			const numbers = (list: Awaited<ReturnType<typeof search>>) => list.tickets.map((ticket) => ticket.number);
			expect(await search(admin, 0)).toMatchObject({ total: 25, pages: 3, page: 0, searchCapped: false });
			expect(numbers(await search(admin, 0))).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
			expect(numbers(await search(admin, 2))).toEqual([5, 4, 3, 2, 1]);
			expect((await search(admin, 99)).page).toBe(2);
			const own = await search(member, 0);
			expect(own).toMatchObject({ total: 12, pages: 2 });
			expect(numbers(own)).toEqual([24, 22, 20, 18, 16, 14, 12, 10, 8, 6]);
		});
	});
}
