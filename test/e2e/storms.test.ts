import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel, EInteraction } from '../emulator/state.js';
import { startTicketScenario, type OpenedTicket, type TicketScenario } from '../harness/ticketScenario.js';
import type { Answer, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

/** Every route but the interaction callbacks, which Discord spares its limits. */
const NOT_CALLBACKS = /^\/(channels|guilds|users|webhooks)\//;

/**
 * Discord at its worst while staff and members work: 429s (global, per route, and of a per-resource
 * limit with scope "shared"), a burst of 5xx, 5 s of latency on every call, and the gateway closing
 * under the bot. Every click and command is acknowledged in time; every operation completes, its row
 * and Discord agreeing; the bot's invalid requests stay far below Discord's ban threshold.
 */
describe.each(testDatabases())('Discord storms ($provider)', (database) => {
	let scenario: TicketScenario;
	let discord: TestDiscord;
	let home: GuildFixture;

	beforeAll(async () => {
		scenario = await startTicketScenario(database, { guildName: 'Storm' });
		({ discord, home } = scenario);
	}, 60_000);

	afterAll(() => scenario?.stop());

	/** Everyone's interactions since `from`, by the time they were made. */
	const interactionsSince = (from: number): EInteraction[] =>
		[...discord.state.interactions.values()].filter((interaction) => interaction.createdAt >= from);

	it('acknowledges every click and command and completes every operation through 429s, 5xx, latency and gateway closes', async () => {
		const tickets: OpenedTicket[] = [];
		for (const member of [home.alice, home.bob, home.alice, home.bob]) tickets.push(await scenario.openTicket(member));
		const [claimed, closed, joined, formClosed] = tickets as [OpenedTicket, OpenedTicket, OpenedTicket, OpenedTicket];
		const carol = discord.join(home.guild, 'carol');
		const closeForm = await home.staff.click(formClosed.welcome, 'Close');
		expect(closeForm.modal).not.toBeNull();
		const from = Date.now();

		const { limits, gateway } = discord.emulator;
		limits.injectRateLimit({ route: NOT_CALLBACKS }, { retryAfterMs: 1_000, global: true, count: 1 });
		limits.injectRateLimit({ method: 'POST', route: '/channels/:channelId/messages' }, { retryAfterMs: 2_000, count: 2 });
		limits.injectRateLimit(
			{ method: 'PUT', route: '/channels/:channelId/permissions/:overwriteId' },
			{ retryAfterMs: 1_500, shared: true, count: 2 }
		);
		limits.injectServerError({ route: NOT_CALLBACKS }, { status: 502, count: 3 });
		limits.injectLatency({ route: NOT_CALLBACKS }, 5_000, 6);
		gateway.closeAll(4000, 'storm');

		// Everyone at once, while Discord misbehaves; each waits as long as a member would.
		const answers = await Promise.all<Answer>([
			home.staff.click(claimed.welcome, 'Claim'),
			home.staff.slash(closed.channel, ['ticket', 'close'], { reason: 'storm' }),
			home.staff.slash(joined.channel, ['ticket', 'adduser'], { member: carol.id }),
			home.staff.submit(closeForm, { reason: 'by the form' }),
			home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' }),
			home.staff.slash(claimed.channel, ['ticket', 'note'], { text: 'seen in the storm' })
		]).catch((error: unknown) => {
			throw new Error(`an operation was not answered: ${String(error)}`);
		});
		limits.clearFaults();

		// Acknowledged within Discord's 3 s (the emulator refuses a later first answer) and answered.
		const made = interactionsSince(from);
		expect(made.filter((interaction) => interaction.responseType === null)).toEqual([]);
		const [claim, close, adduser, formClose, create, note] = answers.map((answer) => answer.content);
		expect(claim).toBe(`<@${home.staff.id}> has claimed this ticket and will handle it.`);
		expect(close).toContain(`Ticket closed by <@${home.staff.id}>. Reason: storm`);
		expect(adduser).toBe(`<@${home.staff.id}> added <@${carol.id}> to this ticket.`);
		expect(formClose).toContain(`Ticket closed by <@${home.staff.id}>. Reason: by the form`);
		expect(create).toMatch(/<#\d+>/);
		expect(note).toMatch(/^Note saved\./);

		// What the answers say is what the database and Discord show.
		const status = async (channel: EChannel) => (await scenario.ticketRow(channel)).status;
		expect((await scenario.ticketRow(claimed.channel)).claimedById).toBe(home.staff.id);
		expect(await status(closed.channel)).toBe('closed');
		expect(await status(formClosed.channel)).toBe('closed');
		expect(home.bob.can(closed.channel, 'send')).toBe(false);
		expect(home.bob.can(formClosed.channel, 'send')).toBe(false);
		expect(carol.can(joined.channel, 'view')).toBe(true);
		const created = discord.state.channel(/<#(\d+)>/.exec(create!)![1]!);
		await discord.message(created, (message) => message.authorId === discord.emulator.botId, 'the new ticket’s welcome');
		for (const channel of [closed.channel, formClosed.channel]) {
			expect((await scenario.timeline(channel)).filter((action) => action === 'ticket.closed')).toHaveLength(1);
		}

		// The gateway came back: the bot hears a prefix command again.
		await home.staff.command(claimed.channel, '!ticket priority high');
		expect((await scenario.ticketRow(claimed.channel)).priority).toBe('high');

		// Discord bans at 10,000 invalid requests (401, 403, 429) in ten minutes; the storm cost a handful.
		expect(discord.emulator.invalidRequestCount(from)).toBeLessThan(100);
		expect(scenario.bot.process.exitCode).toBeNull();
	}, 120_000);
});
