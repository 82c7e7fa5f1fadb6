import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EMessage } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const STAFF_ONLY = "Only the server's staff can see its ticket analytics.";
const MINUTE = 60_000;

interface Embed {
	title: string;
	description?: string;
	fields?: { name: string; value: string }[];
}

const embedOf = (message: EMessage | null) => message!.embeds[0] as Embed;
const field = (embed: Embed, name: string) => embed.fields?.find((entry) => entry.name === name)?.value;

for (const database of testDatabases()) {
	describe(`analytics (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let helper: Actor;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Numbers' });
			({ discord, home } = scenario);
			helper = discord.join(home.guild, 'helper', [home.roles.staff]);
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'report',
				display_name: 'Anonymous report',
				staff_roles: `<@&${home.roles.staff.id}>`,
				anonymous: true
			});
		}, 60_000);

		afterAll(() => scenario?.stop());

		it('shows the numbers to staff only, by slash or prefix', async () => {
			for (const subcommand of ['dashboard', 'leaderboard', 'export', 'graph', 'response_times'])
				expect((await home.alice.slash(home.general, ['analytics', subcommand])).content, subcommand).toBe(STAFF_ONLY);
			expect((await home.bob.command(home.general, '!analytics export')).content).toBe(STAFF_ONLY);
			const empty = await home.staff.slash(home.general, ['analytics', 'dashboard']);
			expect(field(embedOf(empty.message), 'Tickets')).toBe('0 in all: 0 open, 0 closed. 0 opened in the last 24 hours.');
			expect(field(embedOf(empty.message), 'First response')).toBe('no ticket answered yet');
		});

		it('counts tickets, first responses, ratings and warnings, and leaves soft-deleted tickets out', async () => {
			const carol = discord.join(home.guild, 'carol');
			const first = await scenario.openTicket(home.alice);
			const second = await scenario.openTicket(home.bob);
			const opened = await carol.slash(home.general, ['ticket', 'create'], { category: 'report' });
			const anonymous = discord.state.channel(/<#(\d+)>/.exec(opened.content)![1]!);
			const hidden = await scenario.openTicket(discord.join(home.guild, 'dave'));

			await home.staff.slash(first.channel, ['ticket', 'claim']);
			await helper.slash(second.channel, ['ticket', 'claim']);
			// First answers 10 and 30 minutes after opening (set in the database: tests do not wait that long).
			const answered = async (channelId: string, responderId: string, afterMinutes: number) => {
				// Two hours back, but never before today's UTC midnight: all three tickets count on one day.
				const startOfDay = new Date().setUTCHours(0, 0, 0, 0);
				const createdAt = new Date(Math.max(Date.now() - 2 * 60 * MINUTE, startOfDay));
				await scenario.db.prisma.ticket.updateMany({
					where: { channelId },
					data: {
						createdAt,
						firstResponseAt: new Date(createdAt.getTime() + afterMinutes * MINUTE),
						firstResponderId: responderId
					}
				});
			};
			await answered(first.channel.id, home.staff.id, 10);
			await answered(second.channel.id, helper.id, 30);
			await home.staff.slash(first.channel, ['ticket', 'close'], { reason: '=HYPERLINK("http://x","y")' });
			await helper.slash(second.channel, ['ticket', 'close'], { reason: 'done, "quoted", thanks' });
			await home.alice.slash(first.channel, ['ticket', 'feedback'], { stars: 4 });
			await home.bob.slash(second.channel, ['ticket', 'feedback'], { stars: 2 });
			await home.admin.slash(hidden.channel, ['ticket', 'softdelete']);

			expect(
				(await home.staff.slash(home.general, ['admin', 'staff_warn'], { member: helper.id, reason: 'late' })).content
			).toMatch(/^Only server admins/);
			expect(
				(await home.admin.slash(home.general, ['admin', 'staff_warn'], { member: home.alice.id, reason: 'x' })).content
			).toBe(`<@${home.alice.id}> is not on this server's staff: warnings are for staff members.`);
			expect(
				(await home.admin.command(home.general, `!admin staff_warn <@${helper.id}> Answered a customer **rudely**`)).content
			).toBe(`Warning recorded for <@${helper.id}> (1 in all). Reason: Answered a customer \\*\\*rudely\\*\\*`);

			const dashboard = embedOf((await home.staff.slash(home.general, ['analytics', 'dashboard'])).message);
			expect(dashboard.title).toBe('Tickets of Numbers');
			expect(field(dashboard, 'Tickets')).toBe('3 in all: 1 open, 2 closed. 3 opened in the last 24 hours.');
			expect(field(dashboard, 'Per category')).toBe('Quick question: 2 (0 open)\nAnonymous report: 1 (1 open)');
			expect(field(dashboard, 'First response')).toBe('average 20 min, p95 30 min (2 answered tickets)');
			expect(field(dashboard, 'Rating')).toBe('3.0 ★ from 2 ratings');
			expect(field(dashboard, 'Opened per day, last 14 days')).toMatch(
				/^[▁-█]{14}\n\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: 3 tickets, at most 3 in a day$/
			);

			const board = (await helper.commandByDm(home.general, '!analytics leaderboard')).embeds[0] as Embed;
			expect(board.description!.split('\n')).toEqual([
				`**1.** <@${home.staff.id}>: 1 handled · 0 answers · first response 10 min · rating 4.0 ★ · warnings 0`,
				`**2.** <@${helper.id}>: 1 handled · 0 answers · first response 30 min · rating 2.0 ★ · warnings 1`
			]);

			const times = embedOf((await home.staff.slash(home.general, ['analytics', 'response_times'])).message);
			expect(field(times, 'Per category')).toBe('Quick question: average 20 min, median 10 min, p95 30 min (2)');
			expect(field(times, 'Per staff member')).toBe(
				`<@${home.staff.id}>: average 10 min, median 10 min, p95 10 min (1)\n<@${helper.id}>: average 30 min, median 30 min, p95 30 min (1)`
			);

			const exported = await home.staff.slash(home.general, ['analytics', 'export']);
			expect(exported.content).toBe('3 tickets exported as CSV.');
			const file = exported.message!.attachments[0]!;
			expect(file.filename).toMatch(/^tickets-\d{4}-\d{2}-\d{2}\.csv$/);
			const rows = file.data
				.toString('utf8')
				.replace(/^\uFEFF/, '')
				.trimEnd()
				.split('\r\n');
			expect(rows[0]).toBe(
				'number,status,category,priority,tags,opener_id,owner_id,claimed_by_id,opened_at,first_response_at,first_response_seconds,first_responder_id,closed_at,closed_by_id,close_reason,rating'
			);
			expect(rows).toHaveLength(4);
			const cells = (number: number) => rows.find((row) => row.startsWith(`${number},`))!;
			const firstRow = await scenario.ticketRow(first.channel);
			expect(cells(firstRow.number)).toContain(`,${home.alice.id},${home.alice.id},${home.staff.id},`);
			expect(cells(firstRow.number)).toContain(`,600,${home.staff.id},`);
			// A formula never runs in a spreadsheet; quotes stay text.
			expect(cells(firstRow.number)).toContain(`,"'=HYPERLINK(""http://x"",""y"")",4`);
			expect(cells((await scenario.ticketRow(second.channel)).number)).toContain(',"done, ""quoted"", thanks",2');
			const anonymousRow = cells((await scenario.ticketRow(anonymous)).number);
			expect(anonymousRow).toContain(',anonymous,anonymous,');
			expect(anonymousRow).not.toContain(carol.id);
			const hiddenNumber = (await scenario.ticketRow(hidden.channel)).number;
			expect(rows.some((row) => row.startsWith(`${hiddenNumber},`))).toBe(false);
		}, 60_000);

		it('draws the daily volume as a PNG chart', async () => {
			const answer = await home.staff.slash(home.general, ['analytics', 'graph'], { days: 7 });
			expect(answer.content).toBe('Tickets opened per day, last 7 days:');
			const png = answer.message!.attachments[0]!;
			expect(png.filename).toBe('tickets-per-day.png');
			expect(png.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
			expect([png.data.readUInt32BE(16), png.data.readUInt32BE(20)]).toEqual([900, 360]);
			expect((await home.staff.slash(home.general, ['analytics', 'graph'], { days: 3 })).content).toBe(
				'`days` must be a whole number from 7 to 90.'
			);
		});
	});
}
