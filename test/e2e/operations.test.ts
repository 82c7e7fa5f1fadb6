import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { EChannel, EMessage } from '../emulator/state.js';
import { startScenario, type Scenario } from '../harness/scenario.js';
import { type TestDiscord, type Actor, type GuildFixture } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const CONFIG = [
	'tickets: { maxOpenPerUser: 50, hourlyLimit: 100, cooldownSeconds: 0, allowOpenerClose: false }',
	'categories:',
	'  - { key: quick, displayName: Quick question }'
].join('\n');

for (const database of testDatabases()) {
	describe(`claim, unclaim and close (${database.provider})`, () => {
		let scenario: Scenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let db: DatabaseHandle;
		let helper: Actor;

		beforeAll(async () => {
			scenario = await startScenario(database, { config: CONFIG, guildName: 'Ops' });
			({ discord, home, db } = scenario);
			helper = discord.join(home.guild, 'helper', [home.roles.staff]);
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'quick',
				display_name: 'Quick question',
				staff_roles: `<@&${home.roles.staff.id}>`
			});
		}, 60_000);

		afterAll(() => scenario?.stop());

		async function openTicket(by: Actor): Promise<{ channel: EChannel; welcome: EMessage }> {
			const opened = await by.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			const channel = discord.state.channel(/<#(\d+)>/.exec(opened.content)![1]!);
			const welcome = await discord.message(
				channel,
				(message) => message.authorId === discord.emulator.botId,
				'the welcome message'
			);
			return { channel, welcome };
		}

		it('claims from the welcome message’s button and from the command, once', async () => {
			const { channel, welcome } = await openTicket(home.alice);
			expect(JSON.stringify(welcome.components)).toContain('"label":"Claim"');
			const claimed = await home.staff.click(welcome, 'Claim');
			expect(claimed.content).toBe(`<@${home.staff.id}> has claimed this ticket and will handle it.`);
			expect(claimed.ephemeral).toBe(false);
			const second = await helper.slash(channel, ['ticket', 'claim']);
			expect(second.content).toBe(`<@${home.staff.id}> already handles this ticket. Ask them, or an admin, to unclaim it first.`);
			const row = await db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id } });
			expect(row.claimedById).toBe(home.staff.id);
			expect((await db.prisma.auditEvent.findMany({ where: { ticketId: row.id } })).map((event) => event.action)).toEqual([
				'ticket.opened',
				'ticket.claimed'
			]);
		});

		it('refuses the opener and members of no staff role, in their words', async () => {
			const { channel } = await openTicket(home.alice);
			expect((await home.alice.slash(channel, ['ticket', 'claim'])).content).toBe(
				"Only the staff of this ticket's category can do that."
			);
			const elsewhere = await home.staff.slash(home.general, ['ticket', 'claim']);
			expect(elsewhere.content).toBe("This channel is not a ticket. Use this command inside the ticket's channel.");
			expect((await home.alice.slash(channel, ['ticket', 'close'], { reason: 'done' })).content).toBe(
				'On this server only the staff can close tickets. Tell them here if you are done.'
			);
		});

		it('lets only the claimer or an admin unclaim, by slash or prefix', async () => {
			const { channel } = await openTicket(home.bob);
			await helper.slash(channel, ['ticket', 'claim']);
			expect((await home.staff.slash(channel, ['ticket', 'unclaim'])).content).toBe(
				`Only <@${helper.id}>, who claimed this ticket, or an admin can release it.`
			);
			const released = await home.owner.command(channel, '!ticket unclaim');
			expect(released.content).toBe(`<@${home.owner.id}> released this ticket: any staff member can claim it.`);
			expect((await home.staff.command(channel, '!ticket unclaim')).content).toBe('Nobody has claimed this ticket.');
		});

		it('closes with a reason: the opener can read but not write, and a closed ticket refuses claim and close', async () => {
			const { channel, welcome } = await openTicket(home.bob);
			expect(home.bob.can(channel, 'send')).toBe(true);
			const form = await home.staff.click(welcome, 'Close');
			expect(form.modal).toMatchObject({ title: 'Close the ticket' });
			const closed = await home.staff.submit(form, { 'Reason (optional)': 'Solved **for now**' });
			expect(closed.content).toBe(
				`Ticket closed by <@${home.staff.id}>. Reason: Solved \\*\\*for now\\*\\*\nHow did we do? Rate this ticket:`
			);
			await discord.waitFor(() => !home.bob.can(channel, 'send'), 'the opener to lose Send Messages');
			expect(home.bob.can(channel, 'view')).toBe(true);
			const row = await db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id } });
			expect(row).toMatchObject({ status: 'closed', closedById: home.staff.id, closeReason: 'Solved **for now**' });
			expect((await home.staff.slash(channel, ['ticket', 'claim'])).content).toBe(
				'This ticket is closed, so that cannot be done now.'
			);
			expect((await home.staff.command(channel, '!ticket close again')).content).toBe(
				'This ticket is closed, so that cannot be done now.'
			);
		});

		it('refuses a control button copied into another ticket', async () => {
			const first = await openTicket(home.alice);
			const second = await openTicket(home.alice);
			const copied = home.owner.say(second.channel, 'copy');
			copied.components = first.welcome.components;
			expect((await home.staff.click(copied, 'Claim')).content).toBe(
				'This button is no longer valid. Ask the staff to post the panel again.'
			);
		});

		it('locks and unlocks: the opener and participants lose and regain writing, in one call each way', async () => {
			const { channel } = await openTicket(home.alice);
			await home.staff.slash(channel, ['ticket', 'adduser'], { member: home.bob.id });
			const before = discord.emulator.calls.length;
			expect((await home.staff.slash(channel, ['ticket', 'lock'])).content).toBe(
				`<@${home.staff.id}> locked this ticket: it can be read but not written to until it is unlocked.`
			);
			const overwriteCalls = discord.emulator.calls
				.slice(before)
				.filter(
					(call) => call.route.startsWith('/channels/:channelId') && call.method !== 'GET' && !call.route.includes('messages')
				);
			expect(overwriteCalls).toHaveLength(1);
			expect([home.alice.can(channel, 'send'), home.bob.can(channel, 'send'), home.alice.can(channel, 'view')]).toEqual([
				false,
				false,
				true
			]);
			expect((await home.staff.slash(channel, ['ticket', 'lock'])).content).toBe('This ticket is already locked.');
			await home.staff.command(channel, '!ticket unlock');
			await discord.waitFor(() => home.alice.can(channel, 'send') && home.bob.can(channel, 'send'), 'writing to come back');
			expect((await home.alice.slash(channel, ['ticket', 'lock'])).content).toBe(
				"Only the staff of this ticket's category can do that."
			);
		});

		it('adds and removes participants, and never removes the owner', async () => {
			const { channel } = await openTicket(home.alice);
			expect(home.bob.can(channel, 'view')).toBe(false);
			expect((await home.staff.command(channel, `!ticket adduser <@${home.bob.id}>`)).content).toBe(
				`<@${home.staff.id}> added <@${home.bob.id}> to this ticket.`
			);
			expect(home.bob.can(channel, 'send')).toBe(true);
			expect((await home.staff.slash(channel, ['ticket', 'adduser'], { member: home.bob.id })).content).toBe(
				`<@${home.bob.id}> is already in this ticket.`
			);
			expect((await home.staff.slash(channel, ['ticket', 'removeuser'], { member: home.alice.id })).content).toBe(
				"The ticket's owner cannot be removed. Transfer the ticket first."
			);
			await home.staff.slash(channel, ['ticket', 'removeuser'], { member: home.bob.id });
			expect(home.bob.can(channel, 'view')).toBe(false);
			expect((await home.bob.slash(home.general, ['ticket', 'adduser'], { member: home.bob.id })).content).toMatch(
				/^This channel is not a ticket/
			);
		});

		it('transfers ownership: the old owner stays as a participant', async () => {
			const { channel } = await openTicket(home.alice);
			const done = await home.staff.slash(channel, ['ticket', 'transfer'], { member: home.bob.id });
			expect(done.content).toBe(
				`<@${home.staff.id}> transferred this ticket to <@${home.bob.id}>; <@${home.alice.id}> stays as a participant.`
			);
			expect([home.alice.can(channel, 'send'), home.bob.can(channel, 'send')]).toEqual([true, true]);
			const row = await db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id } });
			expect(row).toMatchObject({ ownerId: home.bob.id, openerId: home.alice.id });
		});

		it('sets priority and tags, and keeps notes away from the opener', async () => {
			const { channel } = await openTicket(home.alice);
			expect((await home.staff.slash(channel, ['ticket', 'priority'], { level: 'urgent' })).content).toBe(
				`<@${home.staff.id}> set the priority to **Urgent**.`
			);
			expect((await home.staff.command(channel, '!ticket priority whenever')).content).toBe(
				'`level` must be one of: low, normal, high, urgent, critical.'
			);
			expect((await home.staff.slash(channel, ['ticket', 'tags'], { tags: 'refund, Refund,vip' })).content).toBe(
				`<@${home.staff.id}> set the tags: \`refund\` \`vip\``
			);
			const noted = await home.staff.slash(channel, ['ticket', 'note'], { text: 'Customer is a reseller, check the contract' });
			expect(noted).toMatchObject({ ephemeral: true, content: 'Note saved. Only staff can see it, in `/ticket info`.' });
			const visible = discord.state
				.channelMessages(channel.id)
				.map((message) => JSON.stringify([message.content, message.embeds]));
			expect(visible.join()).not.toContain('reseller');
			expect((await home.alice.slash(channel, ['ticket', 'note'], { text: 'sneaky' })).content).toBe(
				"Only the staff of this ticket's category can do that."
			);
			const row = await db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id }, include: { notes: true } });
			expect(row).toMatchObject({ priority: 'urgent', tags: '["refund","vip"]' });
			expect(row.notes.map((entry) => entry.content)).toEqual(['Customer is a reseller, check the contract']);
		});

		it('renames the channel (sanitized), twice in ten minutes, and queues a third', async () => {
			const { channel } = await openTicket(home.alice);
			expect((await home.staff.slash(channel, ['ticket', 'rename'], { new_name: 'Refund: Order #12 🎉' })).content).toBe(
				`<@${home.staff.id}> renamed this ticket to **refund-order-12**.`
			);
			expect(channel.name).toBe('refund-order-12');
			await home.staff.slash(channel, ['ticket', 'rename'], { new_name: 'second' });
			const third = await home.staff.slash(channel, ['ticket', 'rename'], { new_name: 'third' });
			expect(third.content).toMatch(
				/^Discord allows two renames of a channel every ten minutes, so this ticket will be renamed to \*\*third\*\* <t:\d+:R>/
			);
			expect(channel.name).toBe('second');
		});

		it('reopens a closed ticket: the opener can write again', async () => {
			const { channel } = await openTicket(home.alice);
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' });
			await discord.waitFor(() => !home.alice.can(channel, 'send'), 'the close');
			expect((await home.staff.slash(channel, ['ticket', 'reopen'])).content).toBe(`<@${home.staff.id}> reopened this ticket.`);
			await discord.waitFor(() => home.alice.can(channel, 'send'), 'writing to come back');
			expect((await home.staff.slash(channel, ['ticket', 'reopen'])).content).toBe(
				'This ticket is open, so that cannot be done now.'
			);
		});

		it('records the first staff answer once, counts staff answers, and follows the opener’s activity', async () => {
			const { channel } = await openTicket(home.alice);
			const ticketRow = () =>
				db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id }, include: { responses: true } });
			const hello = home.alice.say(channel, 'hello?');
			await discord.eventually(
				async () => (await ticketRow()).openerLastActivityAt?.getTime() === hello.createdAt,
				'the opener’s activity'
			);
			const first = home.staff.say(channel, 'Hi, looking into it');
			const answered = await discord.eventually(
				async () => (await ticketRow()).firstResponseAt && (await ticketRow()),
				'the first response'
			);
			expect(answered).toMatchObject({ firstResponderId: home.staff.id, firstResponseAt: new Date(first.createdAt) });
			helper.say(channel, 'me too');
			home.staff.say(channel, 'and again');
			const counted = await discord.eventually(async () => {
				const row = await ticketRow();
				return row.responses.reduce((sum, entry) => sum + entry.count, 0) === 3 && row;
			}, 'three staff answers');
			expect(Object.fromEntries(counted.responses.map((entry) => [entry.staffId, entry.count]))).toEqual({
				[home.staff.id]: 2,
				[helper.id]: 1
			});
			expect(counted.firstResponderId).toBe(home.staff.id);
		});

		it('shows the ticket’s details and timeline: notes to staff only, nothing to outsiders', async () => {
			const { channel } = await openTicket(home.alice);
			await home.staff.slash(channel, ['ticket', 'claim']);
			await home.staff.slash(channel, ['ticket', 'note'], { text: 'VIP customer' });
			const staffView = await home.staff.slash(channel, ['ticket', 'info']);
			expect(staffView.ephemeral).toBe(true);
			const staffText = JSON.stringify(staffView.message!.embeds);
			expect(staffText).toContain('ticket.opened');
			expect(staffText).toContain('ticket.claimed');
			expect(staffText).toContain('VIP customer');
			const openerView = await home.alice.slash(channel, ['ticket', 'info']);
			expect(JSON.stringify(openerView.message!.embeds)).not.toContain('VIP customer');
			expect(JSON.stringify(openerView.message!.embeds)).toContain(`<@${home.staff.id}>`);
			expect((await home.bob.command(home.general, '!ticket info')).content).toMatch(/^This channel is not a ticket/);
		});

		it('asks the opener for a rating when the ticket closes, and takes one', async () => {
			const { channel } = await openTicket(home.alice);
			expect((await home.alice.slash(channel, ['ticket', 'feedback'], { stars: 5 })).content).toBe(
				'You can rate this ticket once it is closed.'
			);
			const closed = await home.staff.slash(channel, ['ticket', 'close'], { reason: 'fixed' });
			expect(closed.message!.components).toHaveLength(1);
			expect((await home.staff.click(closed.message!, '5★')).content).toBe('Only the person who opened this ticket can rate it.');
			const form = await home.alice.click(closed.message!, '4★');
			expect(form.modal).toMatchObject({ title: 'Your rating: 4/5' });
			const thanks = await home.alice.submit(form, { 'Anything to add? (optional)': 'Quick and kind' });
			expect(thanks).toMatchObject({ ephemeral: true, content: 'Thanks for your 4/5 rating!' });
			expect((await home.alice.slash(channel, ['ticket', 'feedback'], { stars: 1 })).content).toBe(
				'This ticket has already been rated. Thank you!'
			);
			const row = await db.prisma.feedback.findFirstOrThrow({ where: { ticket: { channelId: channel.id } } });
			expect(row).toMatchObject({ userId: home.alice.id, stars: 4, message: 'Quick and kind' });
		});

		it('lets only admins force-close, and deletes the channel when asked', async () => {
			const kept = await openTicket(home.alice);
			expect(
				(await home.staff.slash(kept.channel, ['ticket', 'forceclose'], { delete_channel: false, reason: 'x' })).content
			).toMatch(/^Only server admins can do that/);
			const closed = await home.owner.slash(kept.channel, ['ticket', 'forceclose'], { delete_channel: false, reason: 'spam' });
			expect(closed.content).toBe(`Ticket force-closed by <@${home.owner.id}>. Reason: spam`);
			expect((await db.prisma.ticket.findFirstOrThrow({ where: { channelId: kept.channel.id } })).status).toBe('closed');
			await discord.waitFor(() => !home.alice.can(kept.channel, 'send'), 'the opener to stop writing');

			const gone = await openTicket(home.alice);
			const answer = await home.owner.slash(gone.channel, ['ticket', 'forceclose'], {
				delete_channel: true,
				reason: 'duplicate'
			});
			expect(answer).toMatchObject({ ephemeral: false, content: 'Ticket closed. Its channel is being deleted.' });
			await discord.waitFor(() => !discord.state.channels.has(gone.channel.id), 'the channel to be deleted');
			expect((await db.prisma.ticket.findFirstOrThrow({ where: { channelId: gone.channel.id } })).status).toBe('closed');
		});
	});
}
