import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel } from '../emulator/state.js';
import { startTicketScenario, TICKET_CONFIG, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const BREAK_AT = 10;
const OVERWRITE = { method: 'PUT', route: '/channels/:channelId/permissions/:overwriteId' };

/**
 * Discord refusing the bot again and again (403s here): the bot counts its own invalid requests, says so
 * in its log, and from the breaker's threshold on (config `reliability.invalidRequestsBreakAt`, low here)
 * skips what nothing depends on, the log channel posts, while every member still gets an answer.
 */
describe.each(testDatabases().slice(0, 1))('the invalid request breaker ($provider)', (database) => {
	let scenario: TicketScenario;
	let discord: TestDiscord;
	let home: GuildFixture;
	let logs: EChannel;

	beforeAll(async () => {
		scenario = await startTicketScenario(database, {
			config: `${TICKET_CONFIG}\nreliability: { invalidRequestsBreakAt: ${BREAK_AT} }`,
			guildName: 'Refused'
		});
		({ discord, home } = scenario);
		logs = discord.world.createChannel(home.guild, { name: 'ticket-logs' });
		await home.admin.slash(home.general, ['admin', 'set_channels'], { transcript_channel: logs.id, log_channel: logs.id });
	}, 60_000);

	afterAll(() => scenario?.stop());

	const posted = (action: string) =>
		discord
			.botMessages(logs)
			.filter((message) => (message.embeds as { footer?: { text?: string } }[]).some((embed) => embed.footer?.text === action))
			.length;

	it('pauses log channel posts once Discord refused it too often, and still answers everyone', async () => {
		const { channel } = await scenario.openTicket(home.alice);
		await discord.waitFor(() => posted('ticket.opened') === 1, 'the log post of the first ticket');
		discord.emulator.limits.injectApiError(OVERWRITE, {
			status: 403,
			code: 50013,
			message: 'Missing Permissions',
			count: BREAK_AT
		});
		for (let attempt = 0; attempt < BREAK_AT; attempt++) {
			const refused = await home.staff.slash(channel, ['ticket', 'lock']);
			expect(refused.content).toContain('Discord refused: I need the **Manage Permissions** permission');
		}
		await discord.waitFor(
			() =>
				scenario.bot
					.output()
					.includes(`Discord refused ${BREAK_AT} requests in 10 minutes: log channel posts and transcript DMs are paused`),
			'the breaker opening in the log'
		);
		// The next ticket opens as usual; its timeline has the entry; the log channel hears nothing of it.
		const { channel: second } = await scenario.openTicket(home.bob);
		const row = await scenario.ticketRow(second);
		expect(await scenario.db.prisma.auditEvent.count({ where: { ticketId: row.id, action: 'ticket.opened' } })).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(posted('ticket.opened')).toBe(1);
	}, 60_000);
});
