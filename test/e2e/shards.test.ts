import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel } from '../emulator/state.js';
import type { TestBot } from '../harness/bot.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { POSTGRES_URL, postgresDatabase, REDIS_URL } from '../helpers/databases.js';

/** Discord's rule: a guild belongs to shard (guild ID >> 22) % shard count. */
const shardOf = (guildId: string) => Number((BigInt(guildId) >> 22n) % 2n);
const SCHEDULED_NOTICE = 'Ticket closed as scheduled';

/**
 * Two bot processes with SHARD_COUNT=2 and one SHARD_IDS each, sharing PostgreSQL and Redis, as a
 * deployment past a few thousand guilds runs: each serves the guilds of its shard, its scheduled closes
 * run in it (a close due while it is down waits for it, and the other process does not take it), and a
 * process killed and started again takes its shard back.
 */
describe.skipIf(!REDIS_URL || !POSTGRES_URL)('two processes on two shards (PostgreSQL, Redis)', () => {
	const database = postgresDatabase(POSTGRES_URL!);
	const prefix = `shards-${randomBytes(4).toString('hex')}`;
	let scenario: TicketScenario;
	let discord: TestDiscord;
	let home: GuildFixture;
	let away: GuildFixture;
	let homeShard: number;
	let second: TestBot;
	const shardEnv = (shard: number) => ({ SHARD_COUNT: '2', SHARD_IDS: String(shard) });

	beforeAll(async () => {
		scenario = await startTicketScenario(database, {
			guildName: 'Shard Home',
			redisUrl: REDIS_URL,
			redisPrefix: prefix,
			botEnv: (fixture) => shardEnv(shardOf(fixture.guild.id))
		});
		({ discord, home } = scenario);
		homeShard = shardOf(home.guild.id);
		// A guild on the other shard (IDs made in the same millisecond share a shard).
		for (let attempt = 0; ; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 2));
			away = discord.createGuild(`Shard Away ${attempt}`);
			if (shardOf(away.guild.id) !== homeShard) break;
		}
		second = scenario.addBot({ env: shardEnv(1 - homeShard) });
		await second.ready;
		await away.admin.slash(away.general, ['admin', 'category_upsert'], {
			key: 'quick',
			display_name: 'Quick question',
			staff_roles: `<@&${away.roles.staff.id}>`
		});
	}, 120_000);

	afterAll(() => scenario?.stop());

	const openTicket = async (fixture: GuildFixture, member: Actor): Promise<EChannel> => {
		const opened = await member.slash(fixture.general, ['ticket', 'create'], { category: 'quick' });
		const id = /<#(\d+)>/.exec(opened.content)?.[1];
		if (!id) throw new Error(`no ticket in ${fixture.guild.name}: ${opened.content}`);
		return discord.state.channel(id);
	};
	const status = async (channel: EChannel) =>
		(await scenario.db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id } })).status;
	const notices = (channel: EChannel) =>
		discord.botMessages(channel).filter((message) => message.content.startsWith(SCHEDULED_NOTICE));

	it('opens, works and closes tickets in the guilds of both shards', async () => {
		expect(discord.emulator.gateway.connectedSessions()).toBe(2);
		for (const fixture of [home, away]) {
			const channel = await openTicket(fixture, fixture.alice);
			expect(fixture.alice.can(channel, 'send')).toBe(true);
			const claimed = await fixture.staff.slash(channel, ['ticket', 'claim']);
			expect(claimed.content).toBe(`<@${fixture.staff.id}> has claimed this ticket and will handle it.`);
			const closed = await fixture.staff.slash(channel, ['ticket', 'close'], { reason: 'done' });
			expect(closed.content).toContain(`Ticket closed by <@${fixture.staff.id}>. Reason: done`);
			expect(await status(channel)).toBe('closed');
			expect(fixture.alice.can(channel, 'send')).toBe(false);
		}
	}, 60_000);

	it('gives each shard its own queue of scheduled work, with its own inactivity sweep', async () => {
		const redis = new Redis(REDIS_URL!);
		try {
			for (const shard of [0, 1]) {
				const queue = `${prefix}-scheduled-tasks-shards-${shard}-of-2`;
				expect(await redis.exists(`bull:${queue}:repeat`), queue).toBe(1);
			}
		} finally {
			redis.disconnect();
		}
	});

	it('runs a scheduled close in the process of its shard: one due while that process is down waits for it', async () => {
		const homeTicket = await openTicket(home, home.bob);
		const awayTicket = await openTicket(away, away.bob);
		for (const [fixture, channel] of [
			[home, homeTicket],
			[away, awayTicket]
		] as const) {
			const scheduled = await fixture.staff.slash(channel, ['ticket', 'scheduleclose'], { minutes: 1, reason: 'sharded' });
			expect(scheduled.content).toContain('scheduled this ticket to close');
		}
		// The away shard's process dies; its close falls due while it is gone.
		await second.kill();
		await discord.waitFor(() => discord.emulator.gateway.connectedSessions() === 1, 'the killed session to drop');
		await discord.eventually(async () => (await status(homeTicket)) === 'closed', 'the home shard’s scheduled close', 90_000);
		// The other process did not take the away guild's close (it would have run with it).
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		expect(await status(awayTicket)).toBe('open');
		expect(notices(awayTicket)).toHaveLength(0);

		// Started again with the same shard, it takes the shard back and runs the close, once.
		second = scenario.addBot({ env: shardEnv(1 - homeShard) });
		await second.ready;
		await discord.eventually(async () => (await status(awayTicket)) === 'closed', 'the away shard’s scheduled close', 60_000);
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		for (const channel of [homeTicket, awayTicket]) {
			expect(notices(channel)).toHaveLength(1);
			const row = await scenario.db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id } });
			expect(await scenario.db.prisma.auditEvent.count({ where: { ticketId: row.id, action: 'ticket.closed' } })).toBe(1);
		}
		// Its guild is served again: a new ticket opens there.
		await openTicket(away, away.alice);
	}, 180_000);
});
