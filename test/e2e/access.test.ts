import { GatewayDispatchEvents } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel, EMessage, ERole } from '../emulator/state.js';
import type { OptionValue } from '../emulator/world.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

/**
 * Privacy and access decided once, whatever the surface: private answers stay with whoever asked (slash
 * or prefix), roles every member holds or the bot cannot use are never staff, paged lists answer each
 * clicker with their own page, and a click on a component the message does not carry does nothing.
 */
const DM_CLOSED = /^I could not send you the answer by direct message: your DMs from this server are closed\./;
const EVERYONE =
	'@everyone cannot be a staff, support, admin or escalation role: every member would get it. Pick a role that only your staff have.';
const INVALID_BUTTON = 'This button is no longer valid. Ask the staff to post the panel again.';
const LIST_OTHERS = "Only staff can list other members' tickets. Leave `member` out to see yours.";
const STAFF_ONLY = "Only the staff of this ticket's category can do that.";

/** An embed as the bot sent it. */
type Shown = { title?: string; description?: string; footer?: { text: string } };
const embedOf = (message: EMessage | null) => message!.embeds[0] as Shown;

for (const database of testDatabases()) {
	describe(`privacy and access, on every surface (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Access' });
			({ discord, home } = scenario);
		}, 60_000);

		afterAll(() => scenario?.stop());

		/** Whether anything the bot or anyone posted where everyone in the channel reads it contains the text. */
		const publicly = (channel: EChannel, text: string) =>
			discord.state.channelMessages(channel.id).some((message) => !message.deleted && message.content.includes(text));

		const PRIVATE = [
			{ subcommand: 'note', args: 'secret-note-4417', answer: /^Note saved\./ },
			{ subcommand: 'info', args: '', answer: null },
			{ subcommand: 'transcript', args: '', answer: /^Transcript of ticket #\d{4}, as of now:$/ },
			{ subcommand: 'list', args: '', answer: null }
		];

		for (const row of PRIVATE) {
			it(`answers /ticket ${row.subcommand} to the caller alone, slash or prefix`, async () => {
				const { channel } = await scenario.openTicket(home.alice);
				const options: Record<string, OptionValue> = row.subcommand === 'note' ? { text: 'slash-note-4417' } : {};
				const slashed = await home.staff.slash(channel, ['ticket', row.subcommand], options);
				expect(slashed.ephemeral).toBe(true);
				if (row.answer) expect(slashed.content).toMatch(row.answer);

				const typed = `!ticket ${row.subcommand} ${row.args}`.trim();
				const dm = await home.staff.commandByDm(channel, typed);
				if (row.answer) expect(dm.content).toMatch(row.answer);
				else expect(dm.embeds.length).toBe(1);
				// Buttons act on the guild they came from: a DM carries none.
				expect(dm.components).toEqual([]);
				// What was typed leaves the channel once answered, and nothing of the answer is shown there.
				const typedGone = () =>
					discord.waitFor(
						() =>
							!discord.state.channelMessages(channel.id, { includeEphemeral: true }).some((message) => message.content === typed),
						`"${typed}" to be deleted`
					);
				await typedGone();
				if (row.args) expect(publicly(channel, row.args)).toBe(false);

				const shyUser = discord.world.createUser(`shy-${row.subcommand}`, { dmsClosed: true });
				discord.world.addMember(home.guild, shyUser, [home.roles.staff]);
				const shy = discord.as(shyUser);
				const refusedDm = await shy.command(channel, typed);
				expect(refusedDm.content).toMatch(DM_CLOSED);
				await typedGone();
				if (row.args) expect(publicly(channel, row.args)).toBe(false);
			}, 60_000);
		}

		it('keeps a staff note out of the ticket for its opener, on every surface', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await home.staff.slash(channel, ['ticket', 'note'], { text: 'opener-must-not-see' });
			await home.staff.commandByDm(channel, '!ticket note prefix-opener-must-not-see');
			const info = await home.alice.slash(channel, ['ticket', 'info']);
			expect(JSON.stringify(info.message!.embeds)).not.toContain('must-not-see');
			const dm = await home.alice.commandByDm(channel, '!ticket info');
			expect(JSON.stringify(dm.embeds)).not.toContain('must-not-see');
			const staffView = await home.staff.slash(channel, ['ticket', 'info']);
			expect(JSON.stringify(staffView.message!.embeds)).toContain('prefix-opener-must-not-see');
		});

		describe('roles the bot refuses as staff', () => {
			let integration: ERole;
			let owners: ERole;

			beforeAll(() => {
				integration = discord.world.createRole(home.guild, 'Server booster');
				integration.managed = true;
				discord.emulator.dispatch(
					GatewayDispatchEvents.GuildRoleUpdate,
					{ guild_id: home.guild.id, role: discord.state.apiRole(integration) },
					home.guild.id
				);
				// Above the bot's own role (position 10): the bot could not give it a ticket channel.
				owners = discord.world.createRole(home.guild, 'Owners', 0n, 20);
			});

			const cases = () => [
				{ input: '@everyone', expected: EVERYONE },
				{ input: `<@&${home.guild.id}>`, expected: EVERYONE },
				{
					input: `<@&${integration.id}>`,
					expected: `<@&${integration.id}> is managed by an integration (a bot, boosts or a subscription), so Discord hands it out, not you. Pick a role you give your staff yourself.`
				},
				{
					input: `<@&${owners.id}>`,
					expected: `<@&${owners.id}> is above my highest role, so I cannot give it access to ticket channels. In Server Settings › Roles, drag my role above it, or pick another role.`
				}
			];

			it('are refused wherever a role is given, slash and prefix, and nothing is stored', async () => {
				const before = await scenario.db.prisma.guildSettings.findUnique({ where: { guildId: home.guild.id } });
				for (const { input, expected } of cases()) {
					const slashes: [string, Record<string, string>][] = [
						['category_upsert', { key: 'quick', display_name: 'Quick question', staff_roles: input }],
						['department_upsert', { name: 'Billing', staff_roles: input }],
						['support_roles', { roles: input }],
						['admin_roles', { roles: input }],
						['escalation_roles', { roles: input }]
					];
					for (const [subcommand, options] of slashes) {
						const answer = await home.admin.slash(home.general, ['admin', subcommand], options);
						expect(answer.content, `${subcommand} ${input}`).toBe(expected);
					}
					for (const typed of [`!admin support_roles ${input}`, `!admin escalation_roles ${input}`]) {
						expect((await home.admin.command(home.general, typed)).content, typed).toBe(expected);
					}
				}
				expect(await scenario.db.prisma.guildSettings.findUnique({ where: { guildId: home.guild.id } })).toEqual(before);
				expect(await scenario.db.prisma.department.count()).toBe(0);
			});

			it('are refused by the setup wizard’s role picker too', async () => {
				const wizard = (await home.admin.slash(home.general, ['admin', 'setup'])).message!;
				const before = await scenario.db.prisma.guildSettings.findUnique({ where: { guildId: home.guild.id } });
				for (const { input, expected } of cases().slice(2)) {
					const id = /\d+/.exec(input)![0];
					expect((await home.admin.pick(wizard, 't1:setup:1:0', [id])).content).toBe(expected);
				}
				expect(await scenario.db.prisma.guildSettings.findUnique({ where: { guildId: home.guild.id } })).toEqual(before);
			});

			it('make nobody staff when a guild stored them before, and are never pinged', async () => {
				// Written before the bot refused @everyone: it stays stored, and is ignored.
				await scenario.db.prisma.guildSettings.upsert({
					where: { guildId: home.guild.id },
					create: { guildId: home.guild.id, supportRoleIds: JSON.stringify([home.guild.id]) },
					update: { supportRoleIds: JSON.stringify([home.guild.id]) }
				});
				try {
					const { channel, welcome } = await scenario.openTicket(home.alice);
					expect(welcome.content).not.toContain(`<@&${home.guild.id}>`);
					expect(welcome.pingedRoleIds).not.toContain(home.guild.id);
					expect(home.bob.can(channel, 'view')).toBe(false);
					expect((await home.alice.slash(channel, ['ticket', 'claim'])).content).toBe(STAFF_ONLY);
					expect((await home.alice.command(channel, '!ticket claim')).content).toBe(STAFF_ONLY);
					const listed = await home.bob.slash(home.general, ['ticket', 'list']);
					expect(embedOf(listed.message).title).toBe('Tickets: all (0)');
					// Admins see the stored role marked as ignored, and why.
					await scenario.db.prisma.category.updateMany({
						where: { guildId: home.guild.id, key: 'quick' },
						data: { staffRoleIds: JSON.stringify([home.roles.staff.id, home.guild.id]) }
					});
					const categories = await home.admin.slash(home.general, ['admin', 'category_list']);
					expect(embedOf(categories.message).description).toContain(
						`<@&${home.roles.staff.id}> @everyone (ignored: @everyone is every member)`
					);
				} finally {
					await scenario.db.prisma.guildSettings.update({
						where: { guildId: home.guild.id },
						data: { supportRoleIds: '[]' }
					});
					await scenario.db.prisma.category.updateMany({
						where: { guildId: home.guild.id, key: 'quick' },
						data: { staffRoleIds: JSON.stringify([home.roles.staff.id]) }
					});
				}
			});
		});

		it('turns a list page for whoever asked; anyone else gets their own page', async () => {
			const opener = discord.join(home.guild, 'many-tickets');
			for (let index = 0; index < 11; index++) await scenario.openTicket(opener);
			const list = await home.staff.slash(home.general, ['ticket', 'list'], { member: opener.id });
			const staffPage = list.message!;
			const before = JSON.stringify(staffPage.embeds);
			expect(embedOf(staffPage).footer!.text).toBe('Page 1 of 2');

			// The opener clicks the staff member's Next: they see their own tickets, for them alone.
			const theirs = await opener.click(staffPage, 'Next ▶');
			expect(theirs.ephemeral).toBe(true);
			expect(theirs.message!.id).not.toBe(staffPage.id);
			expect(JSON.stringify(discord.state.messages.get(staffPage.id)!.embeds)).toBe(before);
			// A member who is not staff may not look at another member's tickets: told so, for them alone.
			const stranger = discord.join(home.guild, 'stranger');
			expect(await stranger.click(staffPage, 'Next ▶')).toMatchObject({ ephemeral: true, content: LIST_OTHERS });
			expect(JSON.stringify(discord.state.messages.get(staffPage.id)!.embeds)).toBe(before);

			// By prefix the list goes by DM, where buttons could not act on the guild: none, the page option instead.
			const dmList = await opener.commandByDm(home.general, '!ticket list');
			expect(embedOf(dmList).footer!.text).toBe('Page 1 of 2');
			expect(dmList.components).toEqual([]);
			expect(embedOf(await opener.commandByDm(home.general, '!ticket list all --page=2')).footer!.text).toBe('Page 2 of 2');

			const turned = await home.staff.click(staffPage, 'Next ▶');
			expect(turned.message!.id).toBe(staffPage.id);
			expect(embedOf(turned.message).footer!.text).toBe('Page 2 of 2');
		}, 60_000);

		it('does nothing for a click on a component the message does not carry', async () => {
			const { channel, welcome } = await scenario.openTicket(home.alice);
			const { id } = await scenario.ticketRow(channel);
			const forged = await home.admin.forgedClick(welcome, `t1:purge:${id}`);
			expect(forged).toMatchObject({ ephemeral: true, content: INVALID_BUTTON });
			expect(discord.state.channels.has(channel.id)).toBe(true);
			expect((await scenario.ticketRow(channel)).purgedAt).toBeNull();
			// The real button still works.
			expect((await home.staff.click(welcome, 'Claim')).content).toBe(
				`<@${home.staff.id}> has claimed this ticket and will handle it.`
			);
		});
	});
}
