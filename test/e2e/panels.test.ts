import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import { startScenario, type Scenario } from '../harness/scenario.js';
import { type TestDiscord, type GuildFixture } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

for (const database of testDatabases()) {
	describe(`panels and ticket creation (${database.provider})`, () => {
		let scenario: Scenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let db: DatabaseHandle;

		beforeAll(async () => {
			scenario = await startScenario(database, {
				config: [
					'tickets: { maxOpenPerUser: 2, cooldownSeconds: 0, hourlyLimit: 50 }',
					'categories:',
					'  - key: general',
					'    displayName: General support',
					'    questions:',
					'      - { label: What do you need help with?, style: paragraph, minLength: 10, maxLength: 1000 }'
				].join('\n')
			});
			({ discord, home, db } = scenario);
		}, 60_000);

		afterAll(() => scenario?.stop());

		it('lists the categories bootstrapped from config.yaml, to admins only', async () => {
			const list = await home.admin.slash(home.general, ['admin', 'category_list']);
			expect(list.ephemeral).toBe(true);
			expect(JSON.stringify(list.message!.embeds)).toContain('General support');
			const refused = await home.alice.slash(home.general, ['admin', 'category_list']);
			expect(refused.content).toMatch(/^Only server admins can do that/);
			const prefix = await home.admin.command(home.general, '!admin category_list');
			expect(JSON.stringify(prefix.embeds)).toContain('`general`');
		});

		it('creates a panel, posts it, and updates the same message on redeploy', async () => {
			const created = await home.admin.slash(home.general, ['admin', 'panel_create'], {
				panel_id: 'support',
				channel: home.general.id,
				title: 'Need help?'
			});
			expect(created.content).toContain('Panel `support` created');
			const deployed = await home.admin.slash(home.general, ['admin', 'panel_deploy'], { panel_id: 'support' });
			expect(deployed.content).toMatch(/^Panel `support` posted/);
			const panels = discord.botMessages(home.general).filter((message) => JSON.stringify(message.embeds).includes('Need help?'));
			expect(panels).toHaveLength(1);
			await home.admin.slash(home.general, ['admin', 'panel_create'], {
				panel_id: 'support',
				channel: home.general.id,
				title: 'Need help now?'
			});
			const again = await home.admin.slash(home.general, ['admin', 'panel_deploy'], { panel_id: 'support' });
			expect(again.content).toMatch(/^Panel `support` updated in place/);
			const after = discord.botMessages(home.general).filter((message) => JSON.stringify(message.embeds).includes('Need help'));
			expect(after.map((message) => message.id)).toEqual(panels.map((message) => message.id));
			expect(JSON.stringify(after[0]!.embeds)).toContain('Need help now?');
		});

		it('opens a private ticket from a panel button through the form', async () => {
			const panel = discord
				.botMessages(home.general)
				.find((message) => JSON.stringify(message.embeds).includes('Need help now?'))!;
			const opened = await home.alice.click(panel, 'Open a ticket');
			expect(opened.modal).toMatchObject({ title: 'General support' });
			const callsBefore = discord.emulator.calls.length;
			const done = await home.alice.submit(opened, { 'What do you need help with?': 'My order **never** arrived @everyone' });
			expect(done.ephemeral).toBe(true);
			expect(done.content).toMatch(/^Your ticket #1 is open: <#\d+>$/);
			const channelId = /<#(\d+)>/.exec(done.content)![1]!;
			const channel = discord.state.channel(channelId);
			expect(channel.name).toBe('ticket-0001');
			expect(home.alice.can(channel, 'send')).toBe(true);
			expect(home.bob.can(channel, 'view')).toBe(false);
			expect(home.owner.can(channel, 'view')).toBe(true);

			const welcome = await discord.message(
				channel,
				(message) => message.authorId === discord.emulator.botId,
				'the welcome message'
			);
			expect(welcome.content).toBe(`<@${home.alice.id}>`);
			const embed = JSON.stringify(welcome.embeds);
			expect(embed).toContain('Ticket #0001');
			// Shown as typed: markdown escaped, no mass mention.
			expect(embed).toContain('My order \\\\*\\\\*never\\\\*\\\\* arrived @\u200beveryone');

			// Besides the interaction's own answers: the channel and the welcome message.
			const discordCalls = discord.emulator.calls
				.slice(callsBefore)
				.filter((call) => !call.route.startsWith('/interactions') && !call.route.startsWith('/webhooks'));
			expect(discordCalls.map((call) => `${call.method} ${call.route}`)).toEqual([
				'POST /guilds/:guildId/channels',
				'POST /channels/:channelId/messages'
			]);

			const row = await db.prisma.ticket.findFirstOrThrow({ where: { channelId } });
			expect(row).toMatchObject({
				guildId: home.guild.id,
				number: 1,
				openerId: home.alice.id,
				status: 'open',
				priority: 'normal'
			});
			const events = await db.prisma.auditEvent.findMany({ where: { ticketId: row.id } });
			expect(events.map((event) => event.action)).toEqual(['ticket.opened']);
		});

		it('refuses a form answer that breaks the category’s rules, and keeps nothing', async () => {
			const panel = discord
				.botMessages(home.general)
				.find((message) => JSON.stringify(message.embeds).includes('Need help now?'))!;
			const opened = await home.bob.click(panel, 'Open a ticket');
			const refused = await home.bob.submit(opened, { 'What do you need help with?': 'short' });
			expect(refused.content).toBe('Your answer to "What do you need help with?" must be 10 to 1000 characters long.');
			expect(await db.prisma.ticket.count({ where: { openerId: home.bob.id } })).toBe(0);
		});

		it('stops a member at the open-ticket limit and names their open tickets', async () => {
			await home.admin.slash(home.general, ['admin', 'category_upsert'], { key: 'quick', display_name: 'Quick question' });
			const second = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(second.content).toMatch(/^Your ticket #2 is open/);
			const third = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(third.content).toMatch(/^You already have 2 open tickets: <#\d+>, <#\d+>/);
		});

		it('refuses blacklisted members with the reason, until removed', async () => {
			await home.admin.slash(home.general, ['admin', 'blacklist_add'], { user: home.bob.id, hours: 0, reason: 'spam' });
			const refused = await home.bob.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(refused.content).toBe('You cannot open tickets on this server. Reason: spam');
			// A guild-wide lockdown (set by the security commands) comes first, for everyone.
			await db.prisma.guildSettings.update({ where: { guildId: home.guild.id }, data: { lockdown: true } });
			const lockedOut = 'Ticket creation is paused on this server right now. Please try again later.';
			expect((await home.bob.slash(home.general, ['ticket', 'create'], { category: 'quick' })).content).toBe(lockedOut);
			expect((await home.owner.slash(home.general, ['ticket', 'create'], { category: 'quick' })).content).toBe(lockedOut);
			await db.prisma.guildSettings.update({ where: { guildId: home.guild.id }, data: { lockdown: false } });
			await home.admin.command(home.general, `!admin blacklist_remove <@${home.bob.id}>`);
			expect((await home.bob.slash(home.general, ['ticket', 'create'], { category: 'quick' })).content).toMatch(
				/^Your ticket #\d+ is open/
			);
		});

		it('offers a button for !ticket create, since a prefix command cannot show a form', async () => {
			const carol = discord.join(home.guild, 'carol');
			const reply = await carol.command(home.general, '!ticket create general');
			const opened = await carol.click(reply, 'General support');
			expect(opened.modal).toBeTruthy();
			const unknown = await carol.command(home.general, '!ticket create nope');
			expect(unknown.content).toMatch(/^There is no category `nope`\. Categories: `general`/);
		});

		it('refuses forged and foreign buttons', async () => {
			const forged = home.owner.say(home.general, 'fake panel');
			forged.components = [{ type: 1, components: [{ type: 2, style: 1, label: 'Fake', custom_id: 't1:open:999:1' }] }];
			expect((await home.bob.click(forged, 'Fake')).content).toBe(
				'This button is no longer valid. Ask the staff to post the panel again.'
			);

			// Another guild's real panel button, copied here, opens nothing here.
			const other = discord.createGuild('Other');
			await other.admin.slash(other.general, ['admin', 'panel_create'], {
				panel_id: 'theirs',
				channel: other.general.id,
				title: 'Theirs'
			});
			await other.admin.slash(other.general, ['admin', 'panel_deploy'], { panel_id: 'theirs' });
			const theirs = discord.botMessages(other.general).at(-1)!;
			const copied = home.owner.say(home.general, 'copied panel');
			copied.components = theirs.components;
			const answer = await home.bob.click(copied, 'Open a ticket');
			expect(answer.content).toBe('This button is no longer valid. Ask the staff to post the panel again.');
			expect(await db.prisma.ticket.count({ where: { guildId: other.guild.id } })).toBe(0);
		});

		it('keeps nothing when Discord fails to create the channel, and works on retry', async () => {
			const dave = discord.join(home.guild, 'dave');
			discord.emulator.limits.injectServerError(
				{ method: 'POST', route: '/guilds/:guildId/channels' },
				{ status: 500, count: 4 }
			);
			const failed = await dave.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(failed.content).toMatch(/^Something went wrong on our side and nothing was changed.*`E-[0-9A-Z]{8}`/);
			expect(await db.prisma.ticket.count({ where: { openerId: dave.id } })).toBe(0);
			discord.emulator.limits.clearFaults();
			expect((await dave.slash(home.general, ['ticket', 'create'], { category: 'quick' })).content).toMatch(
				/^Your ticket #\d+ is open/
			);
		});

		it('opens nothing, and says so, when Discord fails every try to post the welcome', async () => {
			const erin = discord.join(home.guild, 'erin');
			const before = discord.state.guildChannels(home.guild.id).length;
			discord.emulator.limits.injectServerError(
				{ method: 'POST', route: '/channels/:channelId/messages' },
				{ status: 502, count: 4 }
			);
			const failed = await erin.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			discord.emulator.limits.clearFaults();
			expect(failed.content).toMatch(/^Something went wrong on our side and nothing was changed.*`E-[0-9A-Z]{8}`/);
			expect(failed.content).not.toMatch(/is open/);
			expect(await db.prisma.ticket.count({ where: { openerId: erin.id } })).toBe(0);
			await discord.waitFor(() => discord.state.guildChannels(home.guild.id).length === before, 'the channel removed');
			expect((await erin.slash(home.general, ['ticket', 'create'], { category: 'quick' })).content).toMatch(
				/^Your ticket #\d+ is open/
			);
		});

		it('reads prefix options in order or by name, and says which option is wrong', async () => {
			const created = await home.admin.command(
				home.general,
				'!admin category_upsert billing "Billing help" --sla_minutes=240 --default_priority=HIGH --default_tags=refund,billing,refund'
			);
			expect(created.content).toBe('Category **Billing help** (`billing`) created.');
			const row = await db.prisma.category.findFirstOrThrow({ where: { guildId: home.guild.id, key: 'billing' } });
			expect(row).toMatchObject({ slaMinutes: 240, defaultPriority: 'high', defaultTags: '["refund","billing"]' });

			expect((await home.admin.command(home.general, '!admin category_upsert')).content).toBe(
				'Something is missing: `key`. Add it and try again.'
			);
			expect((await home.admin.command(home.general, '!admin category_upsert billing Billing --sla_minutes=soon')).content).toBe(
				'`sla_minutes` is not valid here. Check the value and try again.'
			);
			expect((await home.admin.command(home.general, '!admin category_upsert billing Billing --sla_minutes=0')).content).toBe(
				'`sla_minutes` must be a whole number from 1 to 525600.'
			);
			expect(
				(await home.admin.command(home.general, '!admin category_upsert billing Billing --default_priority=asap')).content
			).toBe('`default_priority` must be one of: low, normal, high, urgent, critical.');
			expect(
				(await home.admin.slash(home.general, ['admin', 'category_upsert'], { key: 'Bad Key!', display_name: 'x' })).content
			).toMatch(/^`bad key!` cannot be a category key/);
			expect(
				(
					await home.admin.slash(home.general, ['admin', 'category_upsert'], {
						key: 'billing',
						display_name: 'x',
						emoji: 'ticket'
					})
				).content
			).toBe(
				'`ticket` is not an emoji Discord can show on a button. Give one emoji, like 🎫, or a custom emoji of this server as `<:name:id>`.'
			);
			expect(
				(
					await home.admin.slash(home.general, ['admin', 'panel_create'], {
						panel_id: 'p',
						channel: home.general.id,
						title: 'x',
						emoji: '🎫🎫'
					})
				).content
			).toMatch(/^`🎫🎫` is not an emoji/);
			const slow = await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'billing',
				display_name: 'x',
				questions: 'Order number | /^(\\d+)+$/'
			});
			expect(slow.content).toBe(
				'The pattern `^(\\d+)+$` of "Order number" could make the bot very slow: a repeated group holds another repetition or alternatives (like `(a+)+`), or it refers back to a group. Simplify it, for example `^[A-Za-z0-9-]+$`.'
			);
			const fine = await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'billing',
				display_name: 'Billing help',
				emoji: '<:coin:123456789012345678>',
				questions: 'Order number | /^ORD-\\d+$/'
			});
			expect(fine.content).toBe('Category **Billing help** (`billing`) updated.');
			expect((await home.admin.command(home.general, '!admin nonsense')).content).toBe(
				'That subcommand does not exist. Type `/admin` to see the ones you can use.'
			);
		});

		it('deletes categories no ticket uses (off the panels too) and panels with their message', async () => {
			await home.admin.slash(home.general, ['admin', 'category_upsert'], { key: 'unused', display_name: 'Unused' });
			const posted = await discord.postPanel(home, 'pair', 'Pair', { categories: 'quick,unused' });

			expect((await home.admin.slash(home.general, ['admin', 'category_delete'], { key: 'quick' })).content).toMatch(
				/^\*\*Quick question\*\* has \d+ tickets filed under it, so it stays/
			);
			expect((await home.staff.slash(home.general, ['admin', 'category_delete'], { key: 'unused' })).content).toMatch(
				/^Only server admins/
			);
			expect((await home.admin.command(home.general, '!admin category_delete nope')).content).toMatch(
				/^There is no category `nope`/
			);
			const deleted = await home.admin.command(home.general, '!admin category_delete unused');
			expect(deleted.content).toBe(
				'Category **Unused** (`unused`) deleted.\nIt was taken off these panels: `pair`. Post them again with `/admin panel_deploy` (a panel left with no listed category offers all of them).'
			);
			expect(await db.prisma.category.count({ where: { guildId: home.guild.id, key: 'unused' } })).toBe(0);
			const pair = await db.prisma.panel.findFirstOrThrow({ where: { guildId: home.guild.id, key: 'pair' } });
			expect(JSON.parse(pair.categoryKeys)).toEqual(['quick']);

			const gone = await home.admin.slash(home.general, ['admin', 'panel_delete'], { panel_id: 'pair' });
			expect(gone.content).toBe('Panel `pair` deleted, and its message with it.');
			expect(discord.state.messages.get(posted.id)!.deleted).toBe(true);
			expect((await home.admin.slash(home.general, ['admin', 'panel_delete'], { panel_id: 'pair' })).content).toMatch(
				/^There is no panel `pair`/
			);
			// A copy of the deleted panel's buttons opens nothing.
			const copy = home.owner.say(home.general, 'old panel');
			copy.components = posted.components;
			expect((await home.bob.click(copy, 'Quick question')).content).toBe(
				'This button is no longer valid. Ask the staff to post the panel again.'
			);
		});
	});
}
