import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

for (const database of testDatabases()) {
	describe(`support and admin roles, server settings (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let helpdesk: Actor;
		let manager: Actor;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Settings' });
			({ discord, home } = scenario);
			helpdesk = discord.join(home.guild, 'helpdesk', [discord.world.createRole(home.guild, 'Helpdesk')]);
			manager = discord.join(home.guild, 'manager', [discord.world.createRole(home.guild, 'Managers')]);
		}, 60_000);

		afterAll(() => scenario?.stop());

		const roleOf = (actor: Actor) => home.guild.members.get(actor.id)!.roleIds[0]!;

		it('support roles see and work every new ticket; only admins set them', async () => {
			expect(
				(await home.staff.slash(home.general, ['admin', 'support_roles'], { roles: `<@&${roleOf(helpdesk)}>` })).content
			).toMatch(/^Only server admins/);
			expect(
				(await home.admin.slash(home.general, ['admin', 'support_roles'], { roles: '<@&123456789012345678>' })).content
			).toBe('There is no role 123456789012345678 in this server.');
			const set = await home.admin.command(home.general, `!admin support_roles <@&${roleOf(helpdesk)}>`);
			expect(set.content).toBe(
				`Support roles: <@&${roleOf(helpdesk)}>. They can see and work every new ticket, whatever its category.`
			);
			const { channel } = await scenario.openTicket(home.alice);
			expect(helpdesk.can(channel, 'send')).toBe(true);
			expect((await helpdesk.slash(channel, ['ticket', 'claim'])).content).toBe(
				`<@${helpdesk.id}> has claimed this ticket and will handle it.`
			);

			expect((await home.admin.slash(home.general, ['admin', 'support_roles'], { roles: 'none' })).content).toBe(
				"No support roles: only each category's staff roles and admins work its tickets."
			);
			const { channel: later } = await scenario.openTicket(home.alice);
			expect(helpdesk.can(later, 'view')).toBe(false);
			expect((await helpdesk.slash(later, ['ticket', 'claim'])).content).toBe(
				"Only the staff of this ticket's category can do that."
			);
		});

		it('admin roles let their members configure the bot', async () => {
			expect((await manager.slash(home.general, ['admin', 'category_list'])).content).toMatch(/^Only server admins/);
			const set = await home.owner.slash(home.general, ['admin', 'admin_roles'], { roles: `<@&${roleOf(manager)}>` });
			expect(set.content).toBe(
				`Admin roles: <@&${roleOf(manager)}>. Members with them can configure the bot, like members with Manage Server.`
			);
			expect((await manager.slash(home.general, ['admin', 'category_list'])).message!.embeds).toHaveLength(1);
			// Admin roles see new tickets, so they can act in them.
			const { channel } = await scenario.openTicket(home.alice);
			expect(manager.can(channel, 'send')).toBe(true);
			const tooMany = Array.from({ length: 11 }, (_, index) => `<@&1234567890123456${String(index).padStart(2, '0')}>`).join(' ');
			expect((await manager.slash(home.general, ['admin', 'admin_roles'], { roles: tooMany })).content).toBe(
				'Give at most 10 roles.'
			);
			await manager.slash(home.general, ['admin', 'admin_roles'], { roles: 'none' });
			expect((await manager.slash(home.general, ['admin', 'category_list'])).content).toMatch(/^Only server admins/);
		});

		const settingsRow = () => scenario.db.prisma.guildSettings.findUniqueOrThrow({ where: { guildId: home.guild.id } });

		it('shows the server’s settings, changes them for admins only, and refuses bad values without changing anything', async () => {
			expect((await home.staff.slash(home.general, ['admin', 'settings'], { max_open: 2 })).content).toMatch(
				/^Only server admins/
			);
			const shown = await home.admin.slash(home.general, ['admin', 'settings']);
			expect(shown.ephemeral).toBe(true);
			expect(shown.content).toContain('- Open tickets per member: **50** (bot default) · `max_open`');
			expect(shown.content).toContain('- Openers may close their own tickets: **yes** (bot default) · `opener_close`');
			expect(shown.content).toContain('- Ticket channel names: **ticket-{number}** (bot default)');

			const before = await settingsRow();
			const refusals: [Record<string, string | number>, string][] = [
				[{ prefix: 'a`b' }, 'The prefix must be 1 to 5 characters without spaces or backticks, like `!` or `t!`.'],
				[
					{ max_open: 3, channel_name_pattern: 'support-{user}' },
					expect.stringMatching(/^The channel name pattern must contain `\{number\}`/) as never
				],
				[
					{ channel_name_pattern: 'support' },
					expect.stringMatching(/^The channel name pattern must contain `\{number\}`/) as never
				],
				[{ max_open: 0 }, '`max_open` must be a whole number from 1 to 50.'],
				[{ language: 'de' }, '`language` must be one of: en-US, fr.']
			];
			for (const [options, message] of refusals)
				expect((await home.admin.slash(home.general, ['admin', 'settings'], options)).content).toEqual(message);
			expect(await settingsRow()).toEqual(before);

			const saved = await home.admin.command(
				home.general,
				'!admin settings --max_open=4 --channel_name_pattern=help-{username}-{number}'
			);
			expect(saved.content).toMatch(/^Saved\. This server's settings now:/);
			expect(saved.content).toContain('- Open tickets per member: **4** (set here)');
			expect(saved.content).toContain('- Ticket channel names: **help-{username}-{number}** (set here)');
			const { channel } = await scenario.openTicket(home.alice);
			expect(channel.name).toMatch(/^help-alice-\d{4}$/);
			const events = await scenario.db.prisma.auditEvent.findMany({
				where: { guildId: home.guild.id, action: 'settings.updated' }
			});
			expect(events.at(-1)).toMatchObject({ actorId: home.admin.id });
			expect(JSON.parse(events.at(-1)!.details)).toEqual({ maxOpenPerUser: 4, channelNamePattern: 'help-{username}-{number}' });

			const reset = await home.admin.slash(home.general, ['admin', 'settings'], { reset: true });
			expect(reset.content).toContain('- Open tickets per member: **50** (bot default)');
			expect(await settingsRow()).toMatchObject({ maxOpenPerUser: null, channelNamePattern: null });
		});

		it('holds members to the server’s cooldown and hourly limit, saying how long to wait, from a panel and from /ticket create', async () => {
			await home.admin.slash(home.general, ['admin', 'panel_create'], {
				panel_id: 'limits',
				channel: home.general.id,
				title: 'Help'
			});
			await home.admin.slash(home.general, ['admin', 'panel_deploy'], { panel_id: 'limits' });
			const panel = discord.botMessages(home.general).findLast((message) => JSON.stringify(message.embeds).includes('Help'))!;
			const member = discord.join(home.guild, 'hasty');

			await home.admin.slash(home.general, ['admin', 'settings'], { cooldown_seconds: 600 });
			await scenario.openTicket(member);
			const cooldown = /^You opened a ticket a moment ago\. Please wait (\d+) seconds before opening another\.$/;
			const bySlash = await member.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(bySlash.content).toMatch(cooldown);
			expect(Number(cooldown.exec(bySlash.content)![1])).toBeGreaterThan(590);
			expect((await member.click(panel, 'Open a ticket')).content).toMatch(cooldown);

			await home.admin.slash(home.general, ['admin', 'settings'], { cooldown_seconds: 0, hourly_limit: 2 });
			await scenario.openTicket(member);
			const hourly = /^You have opened 2 tickets in the last hour, the most allowed\. Please try again in (\d+) minutes\.$/;
			expect((await member.slash(home.general, ['ticket', 'create'], { category: 'quick' })).content).toMatch(hourly);
			const byPanel = await member.click(panel, 'Open a ticket');
			expect(byPanel.content).toMatch(hourly);
			expect(Number(hourly.exec(byPanel.content)![1])).toBeGreaterThanOrEqual(59);
			expect(await scenario.db.prisma.ticket.count({ where: { openerId: member.id } })).toBe(2);

			// Another member is not held back by the first one's tickets.
			await scenario.openTicket(discord.join(home.guild, 'patient'));
			await home.admin.slash(home.general, ['admin', 'settings'], { reset: true });
			await scenario.openTicket(member);
		});

		it('lets the server choose whether openers close their own tickets', async () => {
			await home.admin.slash(home.general, ['admin', 'settings'], { opener_close: false });
			const { channel } = await scenario.openTicket(home.alice);
			expect((await home.alice.slash(channel, ['ticket', 'close'], { reason: 'done' })).content).toBe(
				'On this server only the staff can close tickets. Tell them here if you are done.'
			);
			expect((await scenario.ticketRow(channel)).status).toBe('open');
			await home.admin.slash(home.general, ['admin', 'settings'], { opener_close: true });
			expect((await home.alice.slash(channel, ['ticket', 'close'], { reason: 'done' })).content).toMatch(/closed/i);
			await home.admin.slash(home.general, ['admin', 'settings'], { reset: true });
		});

		it('answers in the server’s language and listens to its prefix', async () => {
			const french = await home.admin.slash(home.general, ['admin', 'settings'], { language: 'fr', prefix: '?' });
			expect(french.content).toMatch(/^Enregistré\. Réglages de ce serveur désormais :/);
			expect(french.content).toContain('- Langue: **fr** (choisi ici)');
			// What only the caller reads is in the language of their Discord when the bot has it, else the server's.
			expect((await home.staff.slash(home.general, ['admin', 'settings'])).content).toBe(
				"Only server admins can do that: you need the Manage Server permission or one of the bot's admin roles."
			);
			home.staff.user.locale = 'fr';
			home.bob.user.locale = 'de';
			expect((await home.staff.slash(home.general, ['admin', 'settings'])).content).toBe(
				'Seuls les administrateurs du serveur peuvent faire cela : il faut la permission Gérer le serveur ou un des rôles admin du bot.'
			);
			// Priorities and statuses are words of the server's language, wherever they are shown.
			const { channel, welcome } = await scenario.openTicket(home.bob);
			expect((welcome.embeds[0] as { footer?: { text: string } }).footer?.text).toBe('Priorité : Normale');
			expect((await home.staff.slash(channel, ['ticket', 'priority'], { level: 'high' })).content).toBe(
				`<@${home.staff.id}> a fixé la priorité à **Haute**.`
			);
			await home.staff.slash(channel, ['ticket', 'lock']);
			const fields = Object.fromEntries(
				(
					(await home.staff.slash(channel, ['ticket', 'info'])).message!.embeds[0] as {
						fields: { name: string; value: string }[];
					}
				).fields.map((field) => [field.name, field.value])
			);
			expect(fields).toMatchObject({ État: 'ouvert 🔒', Priorité: 'Haute' });
			const listed = (await home.bob.slash(home.general, ['ticket', 'list'])).message!.embeds[0] as { description: string };
			expect(listed.description).toContain(' · ouvert 🔒 · Haute · ');

			// An English client in the French server: its own answers in English, the ticket's messages in French.
			home.staff.user.locale = 'en-GB';
			const english = (await home.staff.slash(channel, ['ticket', 'info'])).message!.embeds[0] as { title: string };
			expect(english.title).toMatch(/^Ticket #\d{4}/);
			expect((await home.staff.slash(channel, ['ticket', 'priority'], { level: 'low' })).content).toBe(
				`<@${home.staff.id}> a fixé la priorité à **Basse**.`
			);
			home.staff.user.locale = undefined;
			home.bob.user.locale = undefined;

			const byNewPrefix = await home.admin.command(home.general, '?admin settings --reset=true');
			expect(byNewPrefix.content).toMatch(/^Saved\. This server's settings now:/);
			expect(byNewPrefix.content).toContain('- Prefix of message commands: **`!`** (bot default)');
		});
	});
}
