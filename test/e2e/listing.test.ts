import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, Answer, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

interface ListedEmbed {
	title: string;
	description: string;
	footer: { text: string };
}

for (const database of testDatabases()) {
	describe(`ticket list (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let otherStaff: Actor;
		const aliceTickets: EChannel[] = [];
		let bobTicket: EChannel;
		let otherTicket: EChannel;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Listing' });
			({ discord, home } = scenario);
			const otherTeam = discord.world.createRole(home.guild, 'Other team');
			otherStaff = discord.join(home.guild, 'otherstaff', [otherTeam]);
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'other',
				display_name: 'Other things',
				staff_roles: `<@&${otherTeam.id}>`
			});
			for (let index = 0; index < 12; index++) aliceTickets.push((await scenario.openTicket(home.alice)).channel);
			bobTicket = (await scenario.openTicket(home.bob)).channel;
			const opened = await home.bob.slash(home.general, ['ticket', 'create'], { category: 'other' });
			otherTicket = discord.state.channel(/<#(\d+)>/.exec(opened.content)![1]!);
			for (const channel of aliceTickets.slice(0, 3)) await home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' });
		}, 120_000);

		afterAll(() => scenario?.stop());

		const embedOf = (answer: Answer) => (answer.message!.embeds as ListedEmbed[])[0]!;
		const mentioned = (answer: Answer, channel: EChannel) => embedOf(answer).description.includes(`<#${channel.id}>`);

		it('shows a member their own tickets, ten to a page, with buttons that page', async () => {
			const first = await home.alice.slash(home.general, ['ticket', 'list']);
			expect(first.ephemeral).toBe(true);
			expect(embedOf(first).title).toBe('Tickets: all (12)');
			expect(embedOf(first).footer.text).toBe('Page 1 of 2');
			expect(embedOf(first).description.split('\n')).toHaveLength(10);
			expect(mentioned(first, bobTicket)).toBe(false);
			// Newest first: the last ticket alice opened heads the list.
			expect(embedOf(first).description.split('\n')[0]).toContain(`<#${aliceTickets.at(-1)!.id}>`);
			const buttons = JSON.stringify(first.message!.components);
			expect(buttons).toMatch(/"label":"◀ Previous"[^}]*"disabled":true|"disabled":true[^}]*"label":"◀ Previous"/);

			const second = await home.alice.click(first.message!, 'Next ▶');
			expect(embedOf(second).footer.text).toBe('Page 2 of 2');
			expect(embedOf(second).description.split('\n')).toHaveLength(2);
			expect(mentioned(second, aliceTickets[0]!)).toBe(true);
			const back = await home.alice.click(second.message!, '◀ Previous');
			expect(embedOf(back).footer.text).toBe('Page 1 of 2');
		});

		it('filters by status and category, by slash and prefix', async () => {
			const closed = await home.alice.slash(home.general, ['ticket', 'list'], { status: 'closed' });
			expect(embedOf(closed).title).toBe('Tickets: closed (3)');
			const open = await home.alice.commandByDm(home.general, '!ticket list open');
			expect((open.embeds as ListedEmbed[])[0]!.title).toBe('Tickets: open (9)');
			const unknown = await home.alice.slash(home.general, ['ticket', 'list'], { category: 'nope' });
			expect(unknown.content).toBe('There is no category `nope`. Categories: `quick`, `other`.');
		});

		it('shows staff the tickets their roles work, filterable by member; members cannot look at others', async () => {
			const all = await home.staff.slash(home.general, ['ticket', 'list'], { status: 'open' });
			expect(embedOf(all).title).toBe('Tickets: open (10)');
			expect(mentioned(all, otherTicket)).toBe(false);
			const bobs = await home.staff.slash(home.general, ['ticket', 'list'], { member: home.bob.id });
			expect(embedOf(bobs).title).toBe('Tickets: all (1)');
			expect(mentioned(bobs, bobTicket)).toBe(true);

			const theirs = await otherStaff.slash(home.general, ['ticket', 'list']);
			expect(embedOf(theirs).title).toBe('Tickets: all (1)');
			expect(mentioned(theirs, otherTicket)).toBe(true);

			const everything = await home.admin.slash(home.general, ['ticket', 'list'], { category: 'other' });
			expect(embedOf(everything).title).toBe('Tickets: all (1)');
			expect(embedOf(await home.owner.slash(home.general, ['ticket', 'list'])).title).toBe('Tickets: all (14)');

			expect((await home.alice.slash(home.general, ['ticket', 'list'], { member: home.bob.id })).content).toBe(
				"Only staff can list other members' tickets. Leave `member` out to see yours."
			);
		});
	});
}
