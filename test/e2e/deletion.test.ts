import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { EChannel } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const ADMIN_ONLY = "Only server admins can do that: you need the Manage Server permission or one of the bot's admin roles.";

for (const database of testDatabases()) {
	describe(`soft and hard delete (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let db: DatabaseHandle;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Deletion' });
			({ discord, home, db } = scenario);
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'forms',
				display_name: 'With a form',
				staff_roles: `<@&${home.roles.staff.id}>`,
				questions: 'What happened? | paragraph | required'
			});
		}, 60_000);

		afterAll(() => scenario?.stop());

		const overwriteCalls = (since: number) =>
			discord.emulator.calls
				.slice(since)
				.filter((call) => !/\/(interactions|webhooks)\//.test(call.path))
				.map((call) => `${call.method} ${call.route}`);

		it('soft-deletes: hidden from lists, the channel an archive staff can read; restore undoes it', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await home.staff.slash(channel, ['ticket', 'adduser'], { member: home.bob.id });
			expect((await home.staff.slash(channel, ['ticket', 'softdelete'])).content).toBe(ADMIN_ONLY);
			expect((await home.alice.command(channel, '!ticket softdelete')).content).toBe(ADMIN_ONLY);
			expect((await home.admin.slash(channel, ['ticket', 'softdelete'], { restore: true })).content).toBe(
				'This ticket is not deleted: there is nothing to restore.'
			);

			let since = discord.emulator.calls.length;
			const deleted = await home.admin.slash(channel, ['ticket', 'softdelete']);
			expect(deleted.content).toMatch(new RegExp(`^<@${home.admin.id}> deleted this ticket: it no longer shows in lists`));
			expect(overwriteCalls(since)).toEqual(['PATCH /channels/:channelId']);
			expect(home.alice.can(channel, 'view')).toBe(false);
			expect(home.bob.can(channel, 'view')).toBe(false);
			expect(home.staff.can(channel, 'view')).toBe(true);
			expect(home.staff.can(channel, 'send')).toBe(false);
			expect((await scenario.ticketRow(channel)).softDeletedAt).not.toBeNull();
			expect((await home.staff.slash(channel, ['ticket', 'claim'])).content).toBe(
				'This ticket was deleted. An admin can bring it back with `/ticket softdelete restore:true`.'
			);
			expect((await home.owner.command(channel, '!ticket softdelete')).content).toBe(
				'This ticket is already deleted. Use `/ticket softdelete restore:true` to bring it back.'
			);
			const listed = await home.admin.slash(home.general, ['ticket', 'list']);
			expect(JSON.stringify(listed.message!.embeds)).not.toContain(`<#${channel.id}>`);

			since = discord.emulator.calls.length;
			const restored = await home.owner.command(channel, '!ticket softdelete --restore=true');
			expect(restored.content).toBe(`<@${home.owner.id}> restored this ticket.`);
			expect(overwriteCalls(since).filter((call) => !call.startsWith('POST /channels/:channelId/messages'))).toEqual([
				'PATCH /channels/:channelId'
			]);
			for (const member of [home.alice, home.bob, home.staff]) expect(member.can(channel, 'send')).toBe(true);
			expect(await scenario.timeline(channel)).toEqual([
				'ticket.opened',
				'ticket.user_added',
				'ticket.soft_deleted',
				'ticket.restored'
			]);
			expect(JSON.stringify((await home.admin.slash(home.general, ['ticket', 'list'])).message!.embeds)).toContain(
				`<#${channel.id}>`
			);
		});

		it('hard-deletes after a confirmation: channel gone, content purged, an anonymous row kept', async () => {
			const opened = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'forms' });
			const done = await home.alice.submit(opened, { 'What happened?': 'My card number is 4242 and it was charged twice' });
			const channel: EChannel = discord.state.channel(/<#(\d+)>/.exec(done.content)![1]!);
			await home.staff.slash(channel, ['ticket', 'claim']);
			home.alice.say(channel, 'The charge was on my card 4242');
			await home.staff.slash(channel, ['ticket', 'note'], { text: 'Customer seems legit' });
			await home.staff.slash(channel, ['ticket', 'adduser'], { member: home.bob.id });
			await home.staff.slash(channel, ['ticket', 'tags'], { tags: 'refund,card' });
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'refunded the card 4242' });
			await home.alice.slash(channel, ['ticket', 'feedback'], { stars: 4, message: 'Quick, thanks' });
			const before = await scenario.ticketRow(channel);
			expect(before.answers).toContain('4242');
			await discord.eventually(
				() => db.prisma.ticketMessage.findFirst({ where: { ticketId: before.id, content: 'The charge was on my card 4242' } }),
				'the message archived'
			);

			expect((await home.staff.slash(channel, ['ticket', 'harddelete'])).content).toBe(ADMIN_ONLY);
			const confirm = await home.admin.slash(channel, ['ticket', 'harddelete']);
			expect(confirm.ephemeral).toBe(true);
			expect(confirm.content).toMatch(/^Permanently delete ticket #\d{4}\? .*This cannot be undone\.$/);
			expect(JSON.stringify(confirm.message!.components)).toContain('"label":"Delete permanently"');
			// Nothing happens before the click; a non-admin's click (a forged or shared button) is refused.
			expect(discord.state.channels.has(channel.id)).toBe(true);
			expect((await home.staff.click(confirm.message!, 'Delete permanently')).content).toBe(ADMIN_ONLY);
			expect(discord.state.channels.has(channel.id)).toBe(true);

			const clicked = await home.admin.click(confirm.message!, 'Delete permanently');
			expect(clicked.content).toBe('Deleting the ticket…');
			await discord.waitFor(() => !discord.state.channels.has(channel.id), 'the channel to be deleted');
			const after = await discord.eventually(async () => {
				const row = await db.prisma.ticket.findUniqueOrThrow({ where: { id: before.id } });
				return row.channelId === null ? row : null;
			}, 'the purged row to forget its channel');
			expect(after).toMatchObject({
				number: before.number,
				categoryId: before.categoryId,
				priority: before.priority,
				status: 'closed',
				openerId: '',
				ownerId: '',
				answers: '[]',
				tags: '[]',
				closeReason: null,
				createdAt: before.createdAt,
				closedAt: before.closedAt,
				firstResponseAt: before.firstResponseAt
			});
			expect(after.purgedAt).not.toBeNull();
			expect(after.softDeletedAt).not.toBeNull();
			expect(await db.prisma.ticketNote.count({ where: { ticketId: before.id } })).toBe(0);
			// The messages the bot archived go with the channel.
			expect(await db.prisma.ticketMessage.count({ where: { ticketId: before.id } })).toBe(0);
			expect(await db.prisma.ticketParticipant.count({ where: { ticketId: before.id } })).toBe(0);
			expect(await db.prisma.feedback.findUniqueOrThrow({ where: { ticketId: before.id } })).toMatchObject({
				stars: 4,
				message: null,
				userId: ''
			});
			const events = await db.prisma.auditEvent.findMany({ where: { ticketId: before.id }, orderBy: { id: 'asc' } });
			expect(events.at(-1)).toMatchObject({ action: 'ticket.purged', actorId: home.admin.id });
			const stored = JSON.stringify(events);
			for (const secret of ['4242', 'legit', 'Quick, thanks', home.alice.id, home.bob.id]) expect(stored).not.toContain(secret);
			const everything = JSON.stringify(after);
			for (const secret of ['4242', home.alice.id]) expect(everything).not.toContain(secret);
		});
	});
}
