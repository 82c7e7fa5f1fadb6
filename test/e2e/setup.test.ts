import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EMessage } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Answer, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const ADMIN_ONLY = "Only server admins can do that: you need the Manage Server permission or one of the bot's admin roles.";

interface Embed {
	title: string;
	description: string;
}

const embedOf = (answer: Answer) => answer.message!.embeds[0] as Embed;

for (const database of testDatabases()) {
	describe(`/admin setup wizard (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, {
				guildName: 'Fresh server',
				config: [
					'tickets: { maxOpenPerUser: 5, cooldownSeconds: 0, hourlyLimit: 100 }',
					'categories:',
					'  - { key: general, displayName: General help }',
					'  - { key: billing, displayName: Billing }',
					'  - { key: quick, displayName: Quick question }'
				].join('\n')
			});
			({ discord, home } = scenario);
		}, 60_000);

		afterAll(() => scenario?.stop());

		const settings = () => scenario.db.prisma.guildSettings.findUniqueOrThrow({ where: { guildId: home.guild.id } });

		it('walks an admin through support roles, ticket channels, transcripts and a first panel, saving each choice', async () => {
			const helpdesk = discord.world.createRole(home.guild, 'Helpdesk');
			const agent = discord.join(home.guild, 'agent', [helpdesk]);
			const parent = discord.world.createChannel(home.guild, { name: 'Tickets', type: ChannelType.GuildCategory });
			const transcripts = discord.world.createChannel(home.guild, { name: 'transcripts' });
			const logs = discord.world.createChannel(home.guild, { name: 'ticket-log' });
			const closed = discord.world.createChannel(home.guild, {
				name: 'read-only',
				overwrites: [{ id: discord.emulator.botId, type: 1, allow: 0n, deny: P.SendMessages }]
			});
			const lobby = discord.world.createChannel(home.guild, { name: 'lobby' });

			const first = await home.admin.slash(home.general, ['admin', 'setup']);
			expect(first.ephemeral).toBe(true);
			expect(embedOf(first).title).toBe('Setup 1/5: support roles');
			expect(embedOf(first).description).toMatch(/\*\*Now:\*\* none$/);
			const wizard: EMessage = first.message!;

			const roles = await home.admin.pick(wizard, 't1:setup:1:0', [helpdesk.id]);
			expect(embedOf(roles).description).toMatch(new RegExp(`\\*\\*Now:\\*\\* <@&${helpdesk.id}>$`));
			expect(JSON.parse((await settings()).supportRoleIds)).toEqual([helpdesk.id]);
			// Another member cannot drive the wizard, even holding its message.
			expect((await home.staff.click(wizard, 'Next ▶')).content).toBe(ADMIN_ONLY);

			expect(embedOf(await home.admin.click(wizard, 'Next ▶')).title).toBe('Setup 2/5: where ticket channels go');
			await home.admin.pick(wizard, 't1:setup:2:0', [parent.id]);
			expect((await settings()).ticketParentId).toBe(parent.id);

			expect(embedOf(await home.admin.click(wizard, 'Next ▶')).title).toBe('Setup 3/5: transcripts and events');
			const refused = await home.admin.pick(wizard, 't1:setup:3:0', [closed.id]);
			expect(refused.content).toBe(
				`I cannot post in <#${closed.id}>: I need SendMessages there. Give me those permissions in that channel, or pick another one.`
			);
			expect((await settings()).transcriptChannelId).toBeNull();
			await home.admin.pick(wizard, 't1:setup:3:0', [transcripts.id]);
			const both = await home.admin.pick(wizard, 't1:setup:3:1', [logs.id]);
			expect(embedOf(both).description).toContain(`**Transcripts:** <#${transcripts.id}>\n**Events:** <#${logs.id}>`);

			const panelStep = await home.admin.click(wizard, 'Next ▶');
			expect(embedOf(panelStep).title).toBe('Setup 4/5: a first panel');
			expect((await home.admin.select(wizard, ['general'], 't1:setup:4:1')).content).toBe(
				"Pick the panel's channel first, then its categories."
			);
			await home.admin.pick(wizard, 't1:setup:4:0', [lobby.id]);
			const chosen = await home.admin.select(wizard, ['general', 'billing'], 't1:setup:4:1');
			expect(embedOf(chosen).description).toContain('**Categories:** General help, Billing');
			const posted = await home.admin.click(wizard, 'Post the panel');
			const panel = discord.botMessages(lobby).at(-1)!;
			expect((panel.embeds[0] as Embed).title).toBe('Need help?');
			expect(JSON.stringify(panel.components)).toContain('General help');
			expect(JSON.stringify(panel.components)).not.toContain('Quick question');
			expect(embedOf(posted).description).toContain(
				`**Posted:** https://discord.com/channels/${home.guild.id}/${lobby.id}/${panel.id}`
			);
			// Posting again edits the same message.
			await home.admin.click(wizard, 'Post the panel');
			expect(discord.botMessages(lobby)).toHaveLength(1);

			const done = await home.admin.click(wizard, 'Next ▶');
			expect(embedOf(done).title).toBe('Setup 5/5: ready');
			expect(embedOf(done).description).toContain(`- **Support roles:** <@&${helpdesk.id}>`);
			expect(embedOf(done).description).toContain(`- **Ticket channels:** <#${parent.id}>`);
			expect(JSON.stringify(done.message!.components)).not.toContain('Next');

			// What the wizard set works: a member opens a ticket from the panel, under the category, and the support role is in.
			const member = discord.join(home.guild, 'member');
			const opened = await member.click(panel, 'General help');
			const channel = discord.state.channel(/<#(\d+)>/.exec(opened.content)![1]!);
			expect(channel.parentId).toBe(parent.id);
			expect(agent.can(channel, 'send')).toBe(true);
			const actions = await scenario.db.prisma.auditEvent.findMany({
				where: { guildId: home.guild.id, actorId: home.admin.id },
				orderBy: { id: 'asc' }
			});
			// (The scenario's own category_upsert came first.)
			expect(actions.map((event) => event.action).filter((action) => !action.startsWith('category.'))).toEqual([
				'settings.support_roles',
				'settings.updated',
				'settings.channels',
				'settings.channels',
				'panel.created',
				'panel.updated',
				'panel.deployed',
				'panel.deployed'
			]);
		}, 60_000);
	});
}
