import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { EChannel, ERole } from '../emulator/state.js';
import { type Actor, type GuildFixture, type TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';

for (const database of testDatabases()) {
	describe(`escalation and departments (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let db: DatabaseHandle;
		let seniors: ERole;
		let managers: ERole;
		let billingTeam: ERole;
		let accountant: Actor;
		let senior: Actor;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Routing' });
			({ discord, home, db } = scenario);
			seniors = discord.world.createRole(home.guild, 'Seniors');
			managers = discord.world.createRole(home.guild, 'Managers');
			billingTeam = discord.world.createRole(home.guild, 'Billing team');
			accountant = discord.join(home.guild, 'accountant', [billingTeam]);
			senior = discord.join(home.guild, 'senior', [seniors]);
		}, 60_000);

		afterAll(() => scenario?.stop());

		const openTicket = async (by: Actor) => (await scenario.openTicket(by)).channel;
		const row = (channel: EChannel) => scenario.ticketRow(channel);
		const actions = (channel: EChannel) => scenario.timeline(channel);

		it('lets admins set escalation roles, and refuses others and bad input', async () => {
			expect(
				(await home.staff.slash(home.general, ['admin', 'escalation_roles'], { roles: `<@&${seniors.id}>` })).content
			).toMatch(/Manage Server/);
			expect((await home.admin.slash(home.general, ['admin', 'escalation_roles'], { roles: 'not-a-role' })).content).toBe(
				'`not-a-role` is not a role. Mention roles or give their IDs, separated by spaces.'
			);
			const six = Array.from({ length: 6 }, (_, index) => `<@&12345678901234567${index}>`).join(' ');
			expect((await home.admin.slash(home.general, ['admin', 'escalation_roles'], { roles: six })).content).toBe(
				'At most 5 escalation levels: give at most 5 roles, level 1 first.'
			);
			const set = await home.admin.command(home.general, `!admin escalation_roles <@&${seniors.id}> <@&${managers.id}>`);
			expect(set.content).toBe(`Escalation roles by level: 1: <@&${seniors.id}> · 2: <@&${managers.id}>`);
		});

		it('escalates: the level’s role gains access and is pinged; the level only goes up', async () => {
			const channel = await openTicket(home.alice);
			expect(senior.can(channel, 'view')).toBe(false);
			const callsBefore = discord.emulator.calls.length;
			const raised = await home.staff.slash(channel, ['ticket', 'escalate'], { level: 1 });
			expect(raised.content).toBe(`<@${home.staff.id}> escalated this ticket to level 1: <@&${seniors.id}>, please take a look.`);
			expect(raised.ephemeral).toBe(false);
			expect(raised.message!.pingedRoleIds).toEqual([seniors.id]);
			expect(senior.can(channel, 'view') && senior.can(channel, 'send')).toBe(true);
			const discordCalls = discord.emulator.calls
				.slice(callsBefore)
				.filter((call) => !/\/(interactions|webhooks)\//.test(call.path));
			expect(discordCalls.map((call) => `${call.method} ${call.route}`)).toEqual([
				'PUT /channels/:channelId/permissions/:overwriteId'
			]);

			expect((await home.staff.command(channel, '!ticket escalate 1')).content).toBe(
				'This ticket is already at escalation level 1. Give a higher level to escalate it.'
			);
			const second = await home.staff.command(channel, '!ticket escalate 2');
			expect(second.content).toBe(
				`<@${home.staff.id}> escalated this ticket to level 2: <@&${managers.id}>, please take a look.`
			);
			expect(second.pingedRoleIds).toEqual([managers.id]);
			const third = await home.staff.slash(channel, ['ticket', 'escalate'], { level: 3 });
			expect(third.content).toBe(
				`<@${home.staff.id}> escalated this ticket to level 3. No role is set for that level: admins can set one with \`/admin escalation_roles\`.`
			);
			expect(third.message!.pingedRoleIds).toEqual([]);
			expect((await row(channel)).escalationLevel).toBe(3);
			expect(await actions(channel)).toEqual(['ticket.opened', 'ticket.escalated', 'ticket.escalated', 'ticket.escalated']);
			const events = await db.prisma.auditEvent.findMany({
				where: { ticketId: (await row(channel)).id, action: 'ticket.escalated' }
			});
			expect(events.map((event) => [event.actorId, JSON.parse(event.details).level])).toEqual([
				[home.staff.id, 1],
				[home.staff.id, 2],
				[home.staff.id, 3]
			]);
			expect((await home.alice.slash(channel, ['ticket', 'escalate'], { level: 4 })).content).toBe(
				"Only the staff of this ticket's category can do that."
			);
			expect((await home.staff.command(channel, '!ticket escalate 9')).content).toBe(
				'`level` must be a whole number from 1 to 5.'
			);
		});

		it('manages departments: admins only, names and roles checked', async () => {
			expect(
				(
					await home.staff.slash(home.general, ['admin', 'department_upsert'], {
						name: 'Billing',
						staff_roles: `<@&${billingTeam.id}>`
					})
				).content
			).toMatch(/Manage Server/);
			expect(
				(
					await home.admin.slash(home.general, ['admin', 'department_upsert'], {
						name: '<script>',
						staff_roles: `<@&${billingTeam.id}>`
					})
				).content
			).toBe(
				'`<script>` cannot be a department name: use 1 to 32 letters, digits, spaces, - or _, starting with a letter or digit.'
			);
			expect(
				(
					await home.admin.slash(home.general, ['admin', 'department_upsert'], {
						name: 'Billing',
						staff_roles: '<@&123456789012345678>'
					})
				).content
			).toBe('There is no role 123456789012345678 in this server.');
			const created = await home.admin.command(home.general, `!admin department_upsert Billing <@&${billingTeam.id}>`);
			expect(created.content).toBe(`Department **Billing** created. Its tickets go to <@&${billingTeam.id}>.`);
			const updated = await home.admin.slash(home.general, ['admin', 'department_upsert'], {
				name: 'billing',
				staff_roles: `<@&${billingTeam.id}>`
			});
			expect(updated.content).toBe(`Department **Billing** updated. Its tickets go to <@&${billingTeam.id}>.`);
			const listed = await home.admin.slash(home.general, ['admin', 'department_list']);
			expect(listed.content).toContain(`**Billing**: <@&${billingTeam.id}>`);
			expect(listed.content).toContain(`Escalation roles by level: 1: <@&${seniors.id}>`);
		});

		it('routes a ticket: the department’s roles gain access, the category’s staff lose it, in one call', async () => {
			const channel = await openTicket(home.bob);
			expect(accountant.can(channel, 'view')).toBe(false);
			expect((await home.staff.slash(channel, ['ticket', 'department'], { name: 'Legal' })).content).toBe(
				'There is no department `Legal`. Departments: `Billing`.'
			);
			expect((await home.bob.slash(channel, ['ticket', 'department'], { name: 'Billing' })).content).toBe(
				"Only the staff of this ticket's category can do that."
			);
			const callsBefore = discord.emulator.calls.length;
			const routed = await home.staff.slash(channel, ['ticket', 'department'], { name: 'billing' });
			expect(routed.content).toBe(`<@${home.staff.id}> routed this ticket to **Billing**.`);
			const discordCalls = discord.emulator.calls
				.slice(callsBefore)
				.filter((call) => !/\/(interactions|webhooks)\//.test(call.path));
			expect(discordCalls.map((call) => `${call.method} ${call.route}`)).toEqual(['PATCH /channels/:channelId']);
			expect(accountant.can(channel, 'view') && accountant.can(channel, 'send')).toBe(true);
			expect(home.staff.can(channel, 'view')).toBe(false);
			expect(home.bob.can(channel, 'send')).toBe(true);
			// The bot follows the routing too: the category's staff may no longer work the ticket, the department may.
			expect((await home.staff.slash(channel, ['ticket', 'claim'])).content).toBe(
				"Only the staff of this ticket's category can do that."
			);
			expect((await accountant.slash(channel, ['ticket', 'claim'])).content).toBe(
				`<@${accountant.id}> has claimed this ticket and will handle it.`
			);
			expect((await accountant.command(channel, '!ticket department Billing')).content).toBe(
				'This ticket is already with Billing.'
			);
			const ticket = await row(channel);
			expect(ticket.departmentId).not.toBeNull();
			expect(await actions(channel)).toEqual(['ticket.opened', 'ticket.department', 'ticket.claimed']);
			const info = await accountant.slash(channel, ['ticket', 'info']);
			expect(JSON.stringify(info.message!.embeds)).toContain('"name":"Department","value":"Billing"');
		});
	});
}
