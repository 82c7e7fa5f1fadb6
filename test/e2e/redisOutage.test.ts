import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';
import { startRedis, type OwnRedis } from '../helpers/redisServer.js';

/**
 * Redis taken away while the bot runs (its own redis-server, on a port no other test uses) and started
 * again empty, as a Redis without persistence restarts: the bot does not crash, tells members to try again
 * where it cannot keep its guarantees, and arms its scheduled closes again from the database.
 */
describe.each(testDatabases())('a Redis outage ($provider)', (database) => {
	let redis: OwnRedis;
	let scenario: TicketScenario;
	let discord: TestDiscord;
	let home: GuildFixture;

	beforeAll(async () => {
		redis = await startRedis();
		scenario = await startTicketScenario(database, {
			guildName: 'Outage',
			redisUrl: redis.url,
			redisPrefix: `outage-${randomBytes(4).toString('hex')}`
		});
		({ discord, home } = scenario);
	}, 60_000);

	afterAll(async () => {
		await scenario?.stop();
		await redis?.stop();
	});

	const logged = (line: string, timeoutMs?: number) =>
		discord.waitFor(() => scenario.bot.output().includes(line), `the log line "${line}"`, timeoutMs);

	it('answers during the outage, recovers without a restart, and runs a close that fell due', async () => {
		const { channel } = await scenario.openTicket(home.alice);
		const scheduled = await home.staff.slash(channel, ['ticket', 'scheduleclose'], { minutes: 1, reason: 'after the outage' });
		expect(scheduled.content).toContain('scheduled this ticket to close');
		// The database is the truth: the close is due a few seconds from now, whatever Redis held.
		const { id } = await scenario.ticketRow(channel);
		await scenario.db.prisma.ticket.update({ where: { id }, data: { scheduledCloseAt: new Date(Date.now() + 8_000) } });

		await redis.stop();
		const refused = await home.bob.slash(home.general, ['ticket', 'create'], { category: 'quick' });
		expect(refused.ephemeral).toBe(true);
		expect(refused.content).toMatch(
			/^The bot cannot reach its shared store right now\. Nothing was changed: try again in a moment\./
		);
		expect(await scenario.db.prisma.ticket.count({ where: { openerId: home.bob.id } })).toBe(0);

		// Back, and empty: the close's job is gone with everything else Redis held.
		await redis.start();
		await logged("Redis is back: the tickets' due work and the sweep armed again from the database", 30_000);
		await discord.eventually(async () => (await scenario.ticketRow(channel)).status === 'closed', 'the scheduled close', 30_000);
		expect((await scenario.timeline(channel)).filter((action) => action === 'ticket.closed')).toHaveLength(1);
		expect(scenario.bot.process.exitCode).toBeNull();
		// Ticket creation works again (its lock is in Redis).
		await scenario.openTicket(home.bob);
	}, 90_000);
});
