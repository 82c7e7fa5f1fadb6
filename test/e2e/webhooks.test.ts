import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDelivery } from '../../src/lib/webhooks/signature.js';
import { Receiver } from '../harness/receiver.js';
import { startTicketScenario, TICKET_CONFIG, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { REDIS_URL, testDatabases } from '../helpers/databases.js';

const ADMIN_ONLY = "Only server admins can do that: you need the Manage Server permission or one of the bot's admin roles.";

/**
 * Outbound webhooks: admins add an endpoint (its secret shown once, to them), ticket events are posted
 * signed, a receiver that fails is tried again with backoff until it answers 2xx or the attempts run
 * out, and the delivery log says so.
 */
/** Retries wake the sender from the database each second, or (with Redis) from a delayed BullMQ job. */
const wakes = [
	{ name: 'the outbox read each second', redisUrl: undefined },
	{ name: 'BullMQ retries on Redis', redisUrl: REDIS_URL }
];

for (const database of testDatabases())
	for (const wake of wakes)
		describe.skipIf(wake.name.startsWith('BullMQ') && !wake.redisUrl)(
			`webhooks for ticket events (${database.provider}, ${wake.name})`,
			() => {
				let scenario: TicketScenario;
				let discord: TestDiscord;
				let home: GuildFixture;
				let receiver: Receiver;
				let secret: string;

				beforeAll(async () => {
					receiver = await new Receiver().start();
					scenario = await startTicketScenario(database, {
						guildName: 'Hooks',
						redisUrl: wake.redisUrl,
						config: `${TICKET_CONFIG}\nwebhooks: { retrySeconds: 0.2, maxAttempts: 3 }`
					});
					({ discord, home } = scenario);
				}, 60_000);

				afterAll(async () => {
					await scenario?.stop();
					await receiver?.stop();
				});

				const deliveries = () => scenario.db.prisma.webhookDelivery.findMany({ orderBy: { id: 'asc' } });
				const received = (count: number, what: string) => discord.waitFor(() => receiver.received.length >= count, what);

				it('refuses members and addresses the bot must not post to', async () => {
					expect((await home.alice.slash(home.general, ['webhook', 'add'], { url: receiver.url })).content).toBe(ADMIN_ONLY);
					expect((await home.staff.command(home.general, `!webhook add ${receiver.url}`)).content).toBe(ADMIN_ONLY);
					for (const url of ['http://example.com/hooks', 'ftp://127.0.0.1/x', 'https://user:pw@example.com/', 'not a url'])
						expect((await home.admin.slash(home.general, ['webhook', 'add'], { url })).content).toMatch(
							/^That is not an address the bot posts to/
						);
					expect(
						(await home.admin.slash(home.general, ['webhook', 'add'], { url: receiver.url, events: 'opened, sneezed' })).content
					).toMatch(/^Unknown events: ticket\.sneezed\./);
					expect(await scenario.db.prisma.webhookEndpoint.count()).toBe(0);
				});

				it('shows the secret once, to the admin alone, and posts signed events', async () => {
					const added = await home.admin.slash(home.general, ['webhook', 'add'], {
						url: receiver.url,
						events: 'opened,closed'
					});
					expect(added.ephemeral).toBe(true);
					secret = /\|\|(whsec_[\w-]+)\|\|/.exec(added.content)![1]!;
					expect(added.content).toMatch(
						/^Webhook #\d+ added: <http:\/\/127\.0\.0\.1:\d+\/hooks> receives ticket\.opened, ticket\.closed\./
					);

					const { channel } = await scenario.openTicket(home.alice);
					await received(1, 'the ticket.opened delivery');
					const [opened] = receiver.received;
					expect(opened!.event).toBe('ticket.opened');
					expect(verifyDelivery(secret, opened!, opened!.body)).toBe(true);
					expect(verifyDelivery('whsec_wrong', opened!, opened!.body)).toBe(false);
					expect(verifyDelivery(secret, opened!, opened!.body.replace('"open"', '"closed"'))).toBe(false);
					const body = JSON.parse(opened!.body);
					expect(body).toMatchObject({
						event: 'ticket.opened',
						guildId: home.guild.id,
						actorId: home.alice.id,
						via: 'discord',
						ticket: {
							number: (await scenario.ticketRow(channel)).number,
							status: 'open',
							openerId: home.alice.id,
							channelId: channel.id
						}
					});
					// Not subscribed: a claim posts nothing.
					await home.staff.slash(channel, ['ticket', 'claim']);
					await new Promise((resolve) => setTimeout(resolve, 1500));
					expect(receiver.received).toHaveLength(1);
				}, 60_000);

				it('tries a failing receiver again with backoff until it answers 2xx, and records each attempt', async () => {
					const { channel } = await scenario.openTicket(home.alice);
					await received(2, 'the second ticket.opened');
					receiver.answers = [500, 503];
					await home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' });
					await received(5, 'three attempts at ticket.closed');
					const closes = receiver.received.slice(2);
					expect(closes.map((delivery) => delivery.event)).toEqual(['ticket.closed', 'ticket.closed', 'ticket.closed']);
					// The same delivery each time, signed afresh.
					expect(new Set(closes.map((delivery) => delivery.delivery)).size).toBe(1);
					for (const delivery of closes) expect(verifyDelivery(secret, delivery, delivery.body)).toBe(true);
					const row = await discord.eventually(
						async () =>
							(await deliveries()).find((delivery) => delivery.event === 'ticket.closed' && delivery.status === 'delivered'),
						'the delivered close'
					);
					expect(row).toMatchObject({ attempts: 3, lastStatus: 200 });
				}, 60_000);

				it('gives up after the last attempt, and the list says so', async () => {
					const before = receiver.received.length;
					receiver.answers = [500, 500, 500];
					await scenario.openTicket(home.alice);
					await received(before + 3, 'three failed attempts');
					await discord.eventually(
						async () => (await deliveries()).some((delivery) => delivery.status === 'failed'),
						'the failed delivery'
					);
					const dm = await home.admin.commandByDm(home.general, '!webhook list');
					expect((dm.embeds[0] as { description: string }).description).toMatch(
						/ · 3 delivered, 0 waiting, 1 failed · last: ticket\.opened \(failed 500, /
					);
				}, 60_000);

				it('posts nothing more once removed', async () => {
					const [endpoint] = await scenario.db.prisma.webhookEndpoint.findMany();
					const removed = await home.admin.slash(home.general, ['webhook', 'remove'], { id: endpoint!.id });
					expect(removed.content).toBe(`Webhook #${endpoint!.id} removed; it receives nothing more.`);
					const before = receiver.received.length;
					await scenario.openTicket(home.alice);
					await new Promise((resolve) => setTimeout(resolve, 1500));
					expect(receiver.received).toHaveLength(before);
					expect(await scenario.db.prisma.webhookDelivery.count()).toBe(0);
					expect((await home.admin.slash(home.general, ['webhook', 'remove'], { id: endpoint!.id })).content).toMatch(
						/^There is no webhook #/
					);
				}, 60_000);
			}
		);
