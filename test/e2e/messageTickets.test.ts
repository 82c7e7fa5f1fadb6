import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EMessage } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const MENU = 'Open a ticket about this';

for (const database of testDatabases()) {
	describe(`a ticket from a message: "${MENU}" (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		const categoryId = async (key: string) =>
			(await scenario.db.prisma.category.findFirstOrThrow({ where: { guildId: home.guild.id, key } })).id;
		const optionsOf = (message: EMessage) =>
			(
				message.components as { components: { options?: { label: string; value: string }[] }[] }[]
			)[0]!.components[0]!.options!.map((option) => option.label);
		const ticketIn = (content: string) => discord.state.channel(/<#(\d+)>/.exec(content)![1]!);
		/** Picks a category in the prompt: the prompt becomes the answer, or a refusal follows it. */
		const pick = async (actor: GuildFixture['alice'], prompt: EMessage, key: string): Promise<string> => {
			const before = prompt.content;
			const picked = await actor.select(prompt, [String(await categoryId(key))]);
			return discord.waitFor(() => {
				if (prompt.content !== before) return prompt.content;
				const followUp = picked.interaction.followUpIds[0];
				return followUp ? discord.state.messages.get(followUp)?.content : undefined;
			}, 'the answer to the pick');
		};
		const ticketCount = () => scenario.db.prisma.ticket.count({ where: { guildId: home.guild.id } });

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Quotes' });
			({ discord, home } = scenario);
			const staffRoles = `<@&${home.roles.staff.id}>`;
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'billing',
				display_name: 'Billing',
				staff_roles: staffRoles,
				questions: 'Invoice number'
			});
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'guarded',
				display_name: 'Guarded',
				staff_roles: staffRoles,
				captcha: true
			});
			const otherTeam = discord.world.createRole(home.guild, 'Other team');
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'other',
				display_name: 'Other team only',
				staff_roles: `<@&${otherTeam.id}>`
			});
		}, 60_000);

		afterAll(() => scenario?.stop());

		it('lets a member open a ticket about their own message, quoted and escaped, in a category that asks nothing first', async () => {
			const said = home.alice.say(home.general, 'My order **#12** is late @everyone');
			const prompt = await home.alice.messageCommand(said, MENU);
			expect(prompt.ephemeral).toBe(true);
			expect(prompt.content).toBe('Which kind of ticket is this message about?');
			// Billing asks a required question, Guarded a captcha, Other team only is open to members too.
			expect(optionsOf(prompt.message!)).toEqual(['Quick question', 'Other team only']);

			const opened = await pick(home.alice, prompt.message!, 'quick');
			expect(opened).toMatch(/^Your ticket #\d+ is open: <#\d+>$/);
			expect(prompt.message!.components).toEqual([]);
			const channel = ticketIn(opened);
			const welcome = await discord.message(channel, (message) => message.authorId === discord.emulator.botId, 'the welcome');
			const [quote, card] = welcome.embeds as { title?: string; description?: string; author?: { name: string } }[];
			expect(quote!.title).toBe('About this message');
			expect(quote!.author?.name).toBe('alice');
			expect(quote!.description).toBe(
				`My order \\*\\*#12\\*\\* is late @\u200beveryone\n\n[Jump to the message](https://discord.com/channels/${home.guild.id}/${home.general.id}/${said.id}) in <#${home.general.id}>`
			);
			expect(card!.title).toMatch(/^Ticket #\d+ · Quick question$/);
			const row = await scenario.ticketRow(channel);
			expect(row).toMatchObject({ openerId: home.alice.id, ownerId: home.alice.id, status: 'open' });
			const entry = await scenario.db.prisma.auditEvent.findFirstOrThrow({
				where: { ticketId: row.id, action: 'ticket.opened' }
			});
			expect(entry.actorId).toBe(home.alice.id);
			expect(JSON.parse(entry.details!)).toMatchObject({ source: 'message' });
			expect(home.alice.can(channel, 'send')).toBe(true);
		});

		it('refuses a member on someone else’s message, and anyone on the bot’s', async () => {
			const said = home.alice.say(home.general, 'Please help');
			const denied = await home.bob.messageCommand(said, MENU);
			expect(denied.ephemeral).toBe(true);
			expect(denied.content).toBe("You can open a ticket about your own messages only. Staff can open one about anyone's.");
			const { welcome } = await scenario.openTicket(home.alice);
			const bot = await home.staff.messageCommand(welcome, MENU);
			expect(bot.content).toBe("Tickets are about members' messages: not the bot's, a webhook's or Discord's own.");
		});

		it('lets staff open one for the author in a category they work, past the author’s limits, and pings the author', async () => {
			await home.admin.slash(home.general, ['admin', 'settings'], { max_open: 1 });
			await scenario.openTicket(home.bob);
			const said = home.bob.say(home.general, 'The refund never came');
			const own = await home.bob.messageCommand(said, MENU);
			expect(await pick(home.bob, own.message!, 'quick')).toMatch(/^You already have 1 open ticket/);

			const before = await ticketCount();
			const prompt = await home.staff.messageCommand(said, MENU);
			expect(prompt.content).toBe(`Open a ticket for <@${home.bob.id}> about their message: which category?`);
			expect(optionsOf(prompt.message!)).toEqual(['Quick question', 'Billing', 'Guarded']);
			const opened = await pick(home.staff, prompt.message!, 'billing');
			expect(opened).toMatch(new RegExp(`^Ticket #\\d+ is open for <@${home.bob.id}>: <#\\d+>\\. They are pinged there\\.$`));
			expect(await ticketCount()).toBe(before + 1);
			const channel = ticketIn(opened);
			const welcome = await discord.message(channel, (message) => message.authorId === discord.emulator.botId, 'the welcome');
			expect(welcome.content).toContain(`<@${home.bob.id}>`);
			const [quote] = welcome.embeds as { fields?: { name: string; value: string }[] }[];
			expect(quote!.fields).toContainEqual({ name: 'Opened by', value: `<@${home.staff.id}>` });
			const row = await scenario.ticketRow(channel);
			expect(row).toMatchObject({ openerId: home.bob.id, ownerId: home.bob.id });
			const entry = await scenario.db.prisma.auditEvent.findFirstOrThrow({
				where: { ticketId: row.id, action: 'ticket.opened' }
			});
			expect(entry).toMatchObject({ actorId: home.staff.id, targetId: home.bob.id });
			expect(home.bob.can(channel, 'send')).toBe(true);
			await home.admin.slash(home.general, ['admin', 'settings'], { max_open: 10 });
		});

		it('opens nothing when the message is deleted before the category is picked', async () => {
			const said = home.alice.say(home.general, 'Short-lived');
			const before = await ticketCount();
			const prompt = await home.alice.messageCommand(said, MENU);
			home.alice.deleteMessage(said);
			expect(await pick(home.alice, prompt.message!, 'quick')).toBe('That message is gone, so no ticket was opened.');
			expect(await ticketCount()).toBe(before);
		});
	});
}
