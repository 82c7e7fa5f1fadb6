import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import { startTicketScenario, TICKET_CONFIG, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

/** The default of config `reliability.repairAfterSeconds`. */
const REPAIR_AFTER_MS = 60_000;
const CONFIG = TICKET_CONFIG.replace('maxOpenPerUser: 50', 'maxOpenPerUser: 1');

/**
 * The bot killed (SIGKILL) in the middle of a member's ticket creation, and started again: what Discord
 * and the database then show. Discord is slowed on one call so that the kill lands inside it.
 */
describe.each(testDatabases())('a ticket creation the bot was killed in ($provider)', (database) => {
	let scenario: TicketScenario;
	let discord: TestDiscord;
	let home: GuildFixture;
	let db: DatabaseHandle;

	beforeAll(async () => {
		// One open ticket at most: a half ticket left counting would refuse the member.
		scenario = await startTicketScenario(database, { config: CONFIG, guildName: 'Crashes' });
		({ discord, home, db } = scenario);
	}, 60_000);

	afterAll(() => scenario?.stop());

	const topicOf = (number: number) => `#${number} · Quick question`;
	const channelWithTopic = (topic: string) =>
		discord.state.guildChannels(home.guild.id).find((channel) => channel.topic === topic);
	// The restarted bot repairs creations older than a running one can be: the test makes them that old.
	const age = () =>
		db.prisma.ticket
			.updateMany({ where: { status: 'creating' }, data: { createdAt: new Date(Date.now() - REPAIR_AFTER_MS - 5_000) } })
			.then(() => undefined);

	const logged = (line: string) => discord.waitFor(() => scenario.bot.output().includes(line), `the log line "${line}"`);

	async function killedWhile(route: string): Promise<number> {
		discord.emulator.limits.injectLatency({ method: 'POST', route }, 3_000, 1);
		void home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' }).catch(() => undefined);
		const row = await discord.eventually(
			() => db.prisma.ticket.findFirst({ where: { status: 'creating', openerId: home.alice.id } }),
			'the ticket row being created'
		);
		// Inside the slowed call: Discord makes the channel (or posts the welcome) after the bot is gone.
		await new Promise((resolve) => setTimeout(resolve, 300));
		await scenario.crash(async () => {
			await discord.waitFor(() => channelWithTopic(topicOf(row.number)), 'the channel Discord made');
			if (route.includes('messages'))
				await discord.waitFor(
					() => discord.botMessages(channelWithTopic(topicOf(row.number))!).length > 0,
					'the welcome Discord posted'
				);
			await age();
		});
		return row.number;
	}

	it('removes a channel no ticket names, and the half ticket that held the member back', async () => {
		const number = await killedWhile('/guilds/:guildId/channels');
		await discord.eventually(
			async () => (await db.prisma.ticket.count({ where: { number } })) === 0 && !channelWithTopic(topicOf(number)),
			'the half ticket and its channel removed at start-up'
		);
		await logged(`Removed ticket #${number}, whose creation stopped with the bot, and its channel`);
		// The half ticket no longer counts against the member's one open ticket.
		const { channel } = await scenario.openTicket(home.alice);
		await db.prisma.ticket.updateMany({ where: { channelId: channel.id }, data: { status: 'closed' } });
	}, 60_000);

	it('opens a ticket whose welcome Discord had posted, with its timeline', async () => {
		const number = await killedWhile('/channels/:channelId/messages');
		const row = await discord.eventually(
			() => db.prisma.ticket.findFirst({ where: { number, status: 'open' } }),
			'the ticket opened at start-up'
		);
		const channel = channelWithTopic(topicOf(number))!;
		expect(row.channelId).toBe(channel.id);
		expect(home.alice.can(channel, 'send')).toBe(true);
		expect(await db.prisma.auditEvent.count({ where: { ticketId: row.id, action: 'ticket.opened' } })).toBe(1);
		await logged(`Opened ticket #${number}, whose creation stopped with the bot after its welcome`);
		// It is a ticket like any other: staff claim it there.
		expect((await home.staff.slash(channel, ['ticket', 'claim'])).content).toContain(`<@${home.staff.id}>`);
	}, 60_000);
});
