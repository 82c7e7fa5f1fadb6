import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EMessage } from '../emulator/state.js';
import type { TestBot } from '../harness/bot.js';
import { startScenario, type Scenario } from '../harness/scenario.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Answer } from '../harness/TestDiscord.js';
import { REDIS_URL, testDatabases } from '../helpers/databases.js';

// Two bot processes on one database (and one Redis prefix when there is Redis), as when a deployment
// runs several processes or overlaps two during a rolling restart.

const newPrefix = () => `test-${randomBytes(4).toString('hex')}`;
const SCHEDULED_NOTICE = 'Ticket closed as scheduled';

const closeModes = [
	{ name: 'in-process timers in each process', redisUrl: undefined, skip: false },
	{ name: 'BullMQ on one shared Redis queue', redisUrl: REDIS_URL, skip: !REDIS_URL }
];

for (const database of testDatabases()) {
	for (const mode of closeModes) {
		describe.skipIf(mode.skip)(`a scheduled close with two bot processes (${database.provider}, ${mode.name})`, () => {
			let scenario: TicketScenario;
			let second: TestBot;

			beforeAll(async () => {
				scenario = await startTicketScenario(database, {
					guildName: 'Two Processes',
					redisUrl: mode.redisUrl,
					redisPrefix: mode.redisUrl ? newPrefix() : undefined
				});
				second = scenario.addBot();
				await second.ready;
			}, 120_000);

			afterAll(() => scenario?.stop());

			it('closes the ticket once when its close falls due in both processes', async () => {
				const { discord, home, db } = scenario;
				const { channel } = await scenario.openTicket(home.alice);
				await home.staff.slash(channel, ['ticket', 'scheduleclose'], { minutes: 30, reason: 'no answer' });

				// Both processes start with the close in the database, a few seconds ahead: each arms it at
				// start-up (a timer in each without Redis; the same delayed job twice with Redis), or, if it
				// comes up late, finds it overdue and runs it at once.
				expect(await second.stop()).toBe(0);
				await scenario.restart(async () => {
					await db.prisma.ticket.updateMany({
						where: { channelId: channel.id },
						data: { scheduledCloseAt: new Date(Date.now() + 12_000) }
					});
					second = scenario.addBot();
				});
				await second.ready;

				await discord.eventually(
					async () => (await scenario.ticketRow(channel)).status === 'closed',
					'the scheduled close',
					90_000
				);
				await discord.message(channel, (message) => message.content.startsWith(SCHEDULED_NOTICE), 'the close notice', 30_000);
				// A graceful stop lets each process finish whatever close it had started, so nothing is still on its way.
				expect(await Promise.all([scenario.bot.stop(), second.stop()])).toEqual([0, 0]);

				const row = await scenario.ticketRow(channel);
				expect(row.scheduledCloseAt).toBeNull();
				expect(await db.prisma.auditEvent.count({ where: { ticketId: row.id, action: 'ticket.closed' } })).toBe(1);
				const notices = discord.botMessages(channel).filter((message) => message.content.startsWith(SCHEDULED_NOTICE));
				expect(notices.map((message) => message.content.split('\n')[0])).toEqual([
					`${SCHEDULED_NOTICE} by <@${home.staff.id}>. Reason: no answer`
				]);
				expect(home.alice.can(channel, 'send')).toBe(false);
			}, 180_000);
		});
	}
}

const ONE_OPEN_CONFIG = [
	'tickets: { maxOpenPerUser: 1, cooldownSeconds: 0, hourlyLimit: 1000 }',
	'categories:',
	'  - { key: quick, displayName: Quick question }'
].join('\n');
const OPENED = /^Your ticket #\d+ is open/;

for (const database of testDatabases()) {
	// The per-member creation lock lives in the cache; only Redis shares it between processes.
	describe.skipIf(!REDIS_URL)(`ticket limits with two bot processes connected at once (${database.provider}, Redis)`, () => {
		let scenario: Scenario;
		let panel: EMessage;

		beforeAll(async () => {
			scenario = await startScenario(database, {
				config: ONE_OPEN_CONFIG,
				guildName: 'Rolling Restart',
				redisUrl: REDIS_URL,
				redisPrefix: newPrefix(),
				// As Discord does: each interaction reaches one of the two sessions, in turn.
				emulator: { interactionDelivery: 'one' }
			});
			const second = scenario.addBot();
			await second.ready;
			const { discord, home } = scenario;
			await discord.waitFor(() => discord.emulator.gateway.connectedSessions() === 2, 'both bots connected', 30_000);
			panel = await discord.postPanel(home, 'race', 'Race');
		}, 120_000);

		afterAll(() => scenario?.stop());

		/** Which sessions (bot processes) these interactions went to. */
		function sessionsOf(count: number): Set<string | undefined> {
			const delivered = scenario.discord.emulator.gateway.log.filter((entry) => entry.t === 'INTERACTION_CREATE');
			return new Set(delivered.slice(-count).map((entry) => entry.session));
		}

		async function expectOneTicket(answers: Answer[], openerId: string): Promise<void> {
			const { discord, db, home } = scenario;
			expect(answers.filter((answer) => OPENED.test(answer.content))).toHaveLength(1);
			for (const answer of answers.filter((entry) => !OPENED.test(entry.content))) {
				expect(answer.content).toMatch(/^(Your ticket is already being created|You already have 1 open ticket)/);
			}
			expect(await db.prisma.ticket.count({ where: { openerId } })).toBe(1);
			// No channel left behind by a refused or undone attempt: one ticket channel per ticket.
			const tickets = await db.prisma.ticket.findMany({ where: { guildId: home.guild.id }, select: { channelId: true } });
			const channels = discord.state.guildChannels(home.guild.id).filter((channel) => channel.name.startsWith('ticket-'));
			expect(channels.map((channel) => channel.id).sort()).toEqual(tickets.map((ticket) => ticket.channelId).sort());
		}

		it('gives one ticket for 50 simultaneous panel clicks by one member with max open 1', async () => {
			const { discord, home } = scenario;
			const interactions = Array.from({ length: 50 }, () => discord.world.click(home.alice.user, panel, 'Open a ticket'));
			expect(sessionsOf(50).size).toBe(2);
			const answers = await Promise.all(interactions.map((interaction) => discord.answer(interaction, 60_000)));
			await expectOneTicket(answers, home.alice.id);
		}, 120_000);

		it('gives one ticket for 50 simultaneous /ticket create by one member with max open 1', async () => {
			const { discord, home } = scenario;
			const interactions = Array.from({ length: 50 }, () =>
				discord.world.slash(home.bob.user, home.general, ['ticket', 'create'], { category: 'quick' })
			);
			expect(sessionsOf(50).size).toBe(2);
			const answers = await Promise.all(interactions.map((interaction) => discord.answer(interaction, 60_000)));
			await expectOneTicket(answers, home.bob.id);
		}, 120_000);
	});
}
