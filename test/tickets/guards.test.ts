import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlacklistService } from '../../src/lib/blacklist/BlacklistService.js';
import { configSchema } from '../../src/lib/config/schema.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { creationRefusal } from '../../src/lib/tickets/guards.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const USER = '300000000000000003';
const config = configSchema.parse({ tickets: { cooldownSeconds: 60, hourlyLimit: 3, maxOpenPerUser: 2 } });
const NOW = new Date('2026-11-24T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

for (const database of testDatabases()) {
	describe(`creation guards (${database.provider})`, () => {
		let handle: DatabaseHandle;
		let store: DataStore;
		let guildNumber = 0;
		const blacklist = new BlacklistService(() => NOW);

		beforeAll(async () => {
			({ handle, store } = await migratedStore(database));
		});
		afterAll(async () => {
			await handle?.close();
			await database.cleanup();
		});

		/** A fresh guild in which the user opened tickets at these times (minutes ago), open or closed. */
		async function guildWith(tickets: { minutesAgo: number; status?: string }[]) {
			const data = store.forGuild(String(100000000000000000n + BigInt(++guildNumber)));
			for (const [index, ticket] of tickets.entries()) {
				await data.db.ticket.create({
					data: {
						guildId: data.guildId,
						number: index + 1,
						openerId: USER,
						ownerId: USER,
						status: ticket.status ?? 'closed',
						createdAt: minutesAgo(ticket.minutesAgo)
					}
				});
			}
			return data;
		}
		const refusal = (data: Awaited<ReturnType<typeof guildWith>>) => creationRefusal(data, USER, { blacklist, config, now: NOW });

		it('lets a member with no history through', async () => {
			expect(await refusal(await guildWith([]))).toBeNull();
		});

		it('checks lockdown, then blacklist, then cooldown, then the hourly limit, then open tickets', async () => {
			const data = await guildWith([{ minutesAgo: 0.5, status: 'open' }, { minutesAgo: 10, status: 'open' }, { minutesAgo: 20 }]);
			await data.updateSettings({ lockdown: true });
			await blacklist.add(data, USER, 0, 'spam', USER);
			expect((await refusal(data))?.key).toBe('tickets:lockdown');
			await data.updateSettings({ lockdown: false });
			expect(await refusal(data)).toEqual({ key: 'tickets:blacklisted', args: { reason: { userText: 'spam', max: 500 } } });
			await blacklist.remove(data, USER);
			expect(await refusal(data)).toEqual({ key: 'tickets:cooldown', args: { seconds: 30 } });
		});

		it('counts the tickets of the last hour, and says when the oldest leaves the window', async () => {
			const data = await guildWith([{ minutesAgo: 5 }, { minutesAgo: 30 }, { minutesAgo: 45 }, { minutesAgo: 90 }]);
			expect(await refusal(data)).toEqual({ key: 'tickets:hourlyLimit', args: { limit: 3, minutes: 15 } });
		});

		it('counts open tickets, and tickets still being created, against the maximum', async () => {
			const data = await guildWith([
				{ minutesAgo: 120, status: 'open' },
				{ minutesAgo: 130, status: 'creating' },
				{ minutesAgo: 140 }
			]);
			expect((await refusal(data))?.key).toBe('tickets:maxOpen');
		});

		it('lets a blacklist entry expire, and names the expiry while it lasts', async () => {
			const data = await guildWith([]);
			await blacklist.add(data, USER, 2, 'cool off', USER);
			expect(await refusal(data)).toMatchObject({
				key: 'tickets:blacklistedUntil',
				args: { reason: { userText: 'cool off', max: 500 }, until: `<t:${NOW.getTime() / 1000 + 7200}:f>` }
			});
			const later = new BlacklistService(() => new Date(NOW.getTime() + 3 * 3_600_000));
			expect(await later.active(data, USER)).toBeNull();
		});

		it('uses the guild’s own limits before config.yaml', async () => {
			const data = await guildWith([
				{ minutesAgo: 120, status: 'open' },
				{ minutesAgo: 130, status: 'open' }
			]);
			expect((await refusal(data))?.key).toBe('tickets:maxOpen');
			await data.updateSettings({ maxOpenPerUser: 5 });
			expect(await refusal(data)).toBeNull();
		});
	});
}
