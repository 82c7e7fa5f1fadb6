import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EMessage } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const STAFF_ONLY = "Only the server's staff can use snippets.";

for (const database of testDatabases()) {
	describe(`snippets: canned replies staff send into tickets (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let staff: Actor;

		const snippetRow = (name: string) =>
			scenario.db.prisma.snippet.findUnique({ where: { guildId_name: { guildId: home.guild.id, name } } });
		const latestBotMessage = (channel: { id: string }, after: number): EMessage | undefined =>
			discord
				.botMessages(discord.state.channel(channel.id))
				.find((message) => message.createdAt >= after && !message.interactionId);

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Home' });
			({ discord, home } = scenario);
			staff = discord.join(home.guild, 'sam', [home.roles.staff]);
		}, 60_000);

		afterAll(() => scenario?.stop());

		it('saves a snippet for staff, and tells a member who is not staff that snippets are for staff', async () => {
			const saved = await staff.slash(home.general, ['snippet', 'add'], {
				name: 'Welcome',
				content: 'Hi {opener}, I am {staff}.\\nTicket {ticket} ({category}) on {server}. {unknown} stays.'
			});
			expect(saved.ephemeral).toBe(true);
			expect(saved.content).toContain('Snippet **welcome** saved.');
			expect(saved.content).toContain('`{opener}`');
			const row = await snippetRow('welcome');
			expect(row?.content).toBe('Hi {opener}, I am {staff}.\nTicket {ticket} ({category}) on {server}. {unknown} stays.');
			expect(row?.createdById).toBe(staff.id);

			const denied = await home.alice.slash(home.general, ['snippet', 'add'], { name: 'mine', content: 'hello' });
			expect(denied.ephemeral).toBe(true);
			expect(denied.content).toBe(STAFF_ONLY);
			expect(await snippetRow('mine')).toBeNull();

			const twice = await staff.slash(home.general, ['snippet', 'add'], { name: 'welcome', content: 'again' });
			expect(twice.content).toMatch(/^A snippet called \*\*welcome\*\* already exists\. Change it with `\/snippet edit`/);
			const badName = await staff.slash(home.general, ['snippet', 'add'], { name: 'two words', content: 'x' });
			expect(badName.content).toMatch(/^\*\*two words\*\* cannot be a snippet's name: use up to 32 lowercase letters/);
		});

		it('offers the names as staff type them, and nothing to anyone else', async () => {
			await staff.slash(home.general, ['snippet', 'add'], { name: 'refund-policy', content: 'Refunds take 5 days.' });
			await staff.slash(home.general, ['snippet', 'add'], { name: 'new-welcome', content: 'Hello again.' });
			expect((await staff.autocomplete(home.general, ['snippet', 'send'], 'name', 'we')).map((c) => c.value)).toEqual([
				'welcome',
				'new-welcome'
			]);
			expect((await staff.autocomplete(home.general, ['snippet', 'edit'], 'name', '')).map((c) => c.value)).toEqual([
				'new-welcome',
				'refund-policy',
				'welcome'
			]);
			expect(await home.alice.autocomplete(home.general, ['snippet', 'send'], 'name', 'we')).toEqual([]);
		});

		it('sends a snippet into a ticket as the bot, filled in, and counts it as the first staff response', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const before = Date.now();
			const sent = await staff.slash(channel, ['snippet', 'send'], { name: 'welcome' });
			expect(sent.ephemeral).toBe(true);
			expect(sent.content).toBe('Snippet **welcome** sent.');
			const posted = await discord.waitFor(() => latestBotMessage(channel, before), 'the snippet in the ticket');
			const number = String((await scenario.ticketRow(channel)).number).padStart(4, '0');
			expect(posted.content).toBe(
				`Hi <@${home.alice.id}>, I am <@${staff.id}>.\nTicket ${number} (Quick question) on Home. {unknown} stays.`
			);
			const row = await scenario.ticketRow(channel);
			expect(row.firstResponderId).toBe(staff.id);
			expect(row.firstResponseAt).not.toBeNull();
			expect(await scenario.timeline(channel)).toContain('ticket.snippet_sent');
			expect((await snippetRow('welcome'))?.uses).toBe(1);
		});

		it('works the same as a prefix command, embeds included, and escapes the names it fills in', async () => {
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'quick',
				display_name: '**Quick** @everyone',
				staff_roles: `<@&${home.roles.staff.id}>`
			});
			const added = await staff.command(
				home.general,
				'!snippet add rules Read the rules of {server}, in {category}. --embed=yes --title=Rules'
			);
			expect(added.content).toContain('Snippet **rules** saved.');
			const { channel } = await scenario.openTicket(home.bob);
			const before = Date.now();
			const reply = await staff.command(channel, '!snippet send rules');
			expect(reply.content).toBe('Snippet **rules** sent.');
			const posted = await discord.waitFor(
				() => discord.botMessages(channel).find((message) => message.createdAt >= before && message.embeds.length > 0),
				'the embedded snippet'
			);
			const [embed] = posted.embeds as { title?: string; description?: string }[];
			expect(embed?.title).toBe('Rules');
			expect(embed?.description).toBe('Read the rules of Home, in \\*\\*Quick\\*\\* @\u200beveryone.');

			const list = await staff.command(home.general, '!snippet list');
			const description = (list.embeds[0] as { description: string }).description;
			expect(description.split('\n')).toEqual([
				'**new-welcome** · Hello again.',
				'**refund-policy** · Refunds take 5 days.',
				'**rules** (embed) · Read the rules of {server}, in {category}.',
				// The preview is the first 80 characters, cut between whole characters.
				'**welcome** · Hi {opener}, I am {staff}. Ticket {ticket} ({category}) on {server}. {unknown} …'
			]);
		});

		it('refuses a member who is not staff, even in their own ticket, and an unknown name, posting nothing', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			// Posts of the bot's own (not answers to an interaction, not replies to a command).
			const posts = () => discord.botMessages(channel).filter((message) => !message.interactionId && !message.reference).length;
			const count = posts();
			const denied = await home.alice.slash(channel, ['snippet', 'send'], { name: 'welcome' });
			expect(denied.ephemeral).toBe(true);
			expect(denied.content).toBe("Only the staff of this ticket's category can do that.");
			const deniedPrefix = await home.alice.command(channel, '!snippet send welcome');
			expect(deniedPrefix.content).toBe("Only the staff of this ticket's category can do that.");
			const unknown = await staff.slash(channel, ['snippet', 'send'], { name: 'nope' });
			expect(unknown.content).toBe("There is no snippet called **nope**. `/snippet list` shows this server's snippets.");
			const outside = await staff.slash(home.general, ['snippet', 'send'], { name: 'welcome' });
			expect(outside.content).toBe("This channel is not a ticket. Use this command inside the ticket's channel.");
			expect(posts()).toBe(count);
			expect(await scenario.timeline(channel)).not.toContain('ticket.snippet_sent');
		});

		it('takes the entry back when Discord refuses the post, so the timeline and the count stay true', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const uses = (await snippetRow('refund-policy'))!.uses;
			discord.emulator.limits.injectApiError(
				{ method: 'POST', route: `/channels/${channel.id}/messages` },
				{ status: 403, code: 50013, message: 'Missing Permissions' }
			);
			const refused = await staff.slash(channel, ['snippet', 'send'], { name: 'refund-policy' });
			expect(refused.content).toMatch(/Send Messages/);
			expect(refused.content).toMatch(/Nothing was changed/i);
			expect(await scenario.timeline(channel)).not.toContain('ticket.snippet_sent');
			expect((await snippetRow('refund-policy'))!.uses).toBe(uses);
			expect((await scenario.ticketRow(channel)).firstResponseAt).toBeNull();
		});

		it('after a kill, keeps a send whose post Discord has, and takes back one it never got', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await staff.slash(channel, ['snippet', 'send'], { name: 'welcome' });
			const ticketId = (await scenario.ticketRow(channel)).id;
			const uses = (await snippetRow('welcome'))!.uses;
			const long = new Date(Date.now() - 5 * 60_000);
			// The post landed, the process died before it noted so.
			const landed = await scenario.db.prisma.auditEvent.findFirstOrThrow({ where: { ticketId, action: 'ticket.snippet_sent' } });
			await scenario.db.prisma.auditEvent.update({ where: { id: landed.id }, data: { effectPendingAt: long } });
			// The process died between the entry and the post.
			const lost = await scenario.db.prisma.auditEvent.create({
				data: {
					guildId: home.guild.id,
					ticketId,
					actorId: staff.id,
					action: 'ticket.snippet_sent',
					details: JSON.stringify({ name: 'welcome', digest: '0000000000000000' }),
					effectPendingAt: long,
					createdAt: long
				}
			});
			// The same snippet sent twice at once, and the process died before the second post: one post, two entries.
			const twin = await scenario.db.prisma.auditEvent.create({
				data: {
					guildId: home.guild.id,
					ticketId,
					actorId: staff.id,
					action: 'ticket.snippet_sent',
					details: landed.details,
					effectPendingAt: long,
					createdAt: new Date(landed.createdAt.getTime() + 4)
				}
			});
			await scenario.db.prisma.snippet.updateMany({
				where: { guildId: home.guild.id, name: 'welcome' },
				data: { uses: { increment: 2 } }
			});
			await scenario.restart();
			await discord.eventually(
				async () => (await scenario.db.prisma.auditEvent.count({ where: { id: { in: [lost.id, twin.id] } } })) === 0,
				'the sends that never reached Discord to be taken back'
			);
			expect((await scenario.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: landed.id } })).effectPendingAt).toBeNull();
			expect((await snippetRow('welcome'))!.uses).toBe(uses);
			expect((await scenario.timeline(channel)).filter((action) => action === 'ticket.snippet_sent')).toHaveLength(1);
		}, 60_000);

		it('takes a multi-line text from a form when the slash command leaves it out', async () => {
			const opened = await staff.slash(home.general, ['snippet', 'add'], { name: 'steps' });
			expect(opened.modal).not.toBeNull();
			const saved = await staff.submit(opened, {
				'Name (letters, digits, - and _)': 'steps',
				'Text ({opener} {staff} {ticket} …)': 'First, restart.\nThen, tell us.'
			});
			expect(saved.ephemeral).toBe(true);
			expect(saved.content).toBe('Snippet **steps** saved. Send it in a ticket with `/snippet send name:steps`.');
			expect((await snippetRow('steps'))?.content).toBe('First, restart.\nThen, tell us.');
			const editing = await staff.slash(home.general, ['snippet', 'edit'], { name: 'steps' });
			expect(JSON.stringify(editing.modal)).toContain('First, restart.\\nThen, tell us.');
			const edited = await staff.submit(editing, { 'Text ({opener} {staff} {ticket} …)': 'Only one step.' });
			expect(edited.content).toBe('Snippet **steps** changed.');
			expect((await snippetRow('steps'))?.content).toBe('Only one step.');
			// The form saves through the same checks: not staff, nothing saved.
			const denied = await home.alice.slash(home.general, ['snippet', 'add'], { name: 'mine' });
			const refused = await home.alice.submit(denied, {
				'Name (letters, digits, - and _)': 'mine',
				'Text ({opener} {staff} {ticket} …)': 'hello'
			});
			expect(refused.content).toBe(STAFF_ONLY);
			expect(await snippetRow('mine')).toBeNull();
			// By prefix there is no form: the text is needed.
			expect((await staff.command(home.general, '!snippet add nothing')).content).toMatch(/content/);
		});

		it('changes and removes snippets; a removed one is gone for send too', async () => {
			const edited = await staff.slash(home.general, ['snippet', 'edit'], {
				name: 'refund-policy',
				content: 'Refunds take 3 days.'
			});
			expect(edited.content).toBe('Snippet **refund-policy** changed.');
			expect((await snippetRow('refund-policy'))?.content).toBe('Refunds take 3 days.');
			const nothing = await staff.command(home.general, '!snippet edit refund-policy');
			expect(nothing.content).toBe('Say what to change: the text, the embed choice or the title.');
			const deniedEdit = await home.alice.slash(home.general, ['snippet', 'remove'], { name: 'refund-policy' });
			expect(deniedEdit.content).toBe(STAFF_ONLY);
			const removed = await staff.command(home.general, '!snippet remove refund-policy');
			expect(removed.content).toBe('Snippet **refund-policy** removed.');
			expect(await snippetRow('refund-policy')).toBeNull();
			const { channel } = await scenario.openTicket(home.alice);
			const gone = await staff.slash(channel, ['snippet', 'send'], { name: 'refund-policy' });
			expect(gone.content).toBe("There is no snippet called **refund-policy**. `/snippet list` shows this server's snippets.");
			const actions = await scenario.db.prisma.auditEvent.findMany({
				where: { guildId: home.guild.id, action: { startsWith: 'snippet.' } },
				select: { action: true }
			});
			expect(actions.map((entry) => entry.action)).toEqual(
				expect.arrayContaining(['snippet.created', 'snippet.updated', 'snippet.deleted'])
			);
		});
	});
}
