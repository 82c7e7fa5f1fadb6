import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

for (const database of testDatabases()) {
	describe(`support and admin roles (${database.provider})`, () => {
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
	});
}
