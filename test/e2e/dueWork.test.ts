import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel, EMessage } from '../emulator/state.js';
import { startTicketScenario, TICKET_CONFIG, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { REDIS_URL, testDatabases } from '../helpers/databases.js';

// Openers may not close on their own here: a close request lets them close all the same.
const CONFIG = TICKET_CONFIG.replace('cooldownSeconds: 0 }', 'cooldownSeconds: 0, allowOpenerClose: false }');
const timers = REDIS_URL ? 'BullMQ on Redis' : 'in-process timers';

for (const database of testDatabases()) {
	describe(`close requests and queued renames, durable across restarts (${database.provider}, ${timers})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;

		const requestOf = (channel: EChannel): EMessage | undefined =>
			discord.botMessages(channel).findLast((message) => message.content.includes('thinks this ticket can be closed'));
		const closes = async (channel: EChannel) =>
			(await scenario.timeline(channel)).filter((action) => action === 'ticket.closed').length;
		const entries = async (channel: EChannel, action: string) =>
			scenario.db.prisma.auditEvent.findMany({ where: { ticketId: (await scenario.ticketRow(channel)).id, action } });

		const infoField = async (channel: EChannel, name: string) => {
			const info = await home.staff.slash(channel, ['ticket', 'info']);
			return (info.message!.embeds[0] as { fields: { name: string; value: string }[] }).fields.find(
				(field) => field.name === name
			)?.value;
		};

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { config: CONFIG, guildName: 'Due', redisUrl: REDIS_URL });
			({ discord, home } = scenario);
		}, 60_000);

		afterAll(() => scenario?.stop());

		it('asks the opener, who keeps the ticket open: staff are told, the buttons go', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const asked = await home.staff.slash(channel, ['ticket', 'closerequest'], { reason: 'Fixed in 2.1' });
			expect(asked.ephemeral).toBe(false);
			expect(asked.content).toBe(
				`<@${home.alice.id}>, <@${home.staff.id}> thinks this ticket can be closed. Reason: Fixed in 2.1\n` +
					'Is your question answered? Close the ticket, or keep it open if you still need help.'
			);
			const request = requestOf(channel)!;
			const labels = (request.components as { components: { label: string }[] }[]).flatMap((row) =>
				row.components.map((button) => button.label)
			);
			expect(labels).toEqual(['Close the ticket', 'Keep it open']);
			const row = await scenario.ticketRow(channel);
			expect(row.closeRequestedById).toBe(home.staff.id);
			expect(row.closeRequestDueAt).toBeNull();

			const stranger = await home.bob.click(request, 'Close the ticket');
			expect(stranger.ephemeral).toBe(true);
			expect(stranger.content).toBe('Only the member who opened this ticket can answer its close request.');
			expect((await scenario.ticketRow(channel)).status).toBe('open');

			const kept = await home.alice.click(request, 'Keep it open');
			expect(kept.ephemeral).toBe(false);
			expect(kept.content).toBe(`<@${home.alice.id}> still needs help and keeps this ticket open. <@${home.staff.id}>`);
			await discord.waitFor(() => requestOf(channel)!.components.length === 0, 'the buttons to go');
			expect((await scenario.ticketRow(channel)).closeRequestedAt).toBeNull();
			expect(await scenario.timeline(channel)).toEqual(['ticket.opened', 'ticket.close_requested', 'ticket.close_request_kept']);
			expect(home.alice.can(channel, 'send')).toBe(true);
		});

		it('closes with the request’s reason when the opener accepts, though openers may not close on their own', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			expect((await home.alice.slash(channel, ['ticket', 'close'], { reason: 'me' })).content).toBe(
				'On this server only the staff can close tickets. Tell them here if you are done.'
			);
			const asked = await home.staff.command(channel, '!ticket closerequest "All sorted" 24');
			expect(asked.content).toMatch(/^<@\d+>, <@\d+> thinks this ticket can be closed\. Reason: All sorted\n/);
			expect(asked.content).toMatch(/\nWithout an answer, it closes by itself <t:\d+:R>\.$/);
			const due = (await scenario.ticketRow(channel)).closeRequestDueAt!.getTime();
			expect(Math.abs(due - (Date.now() + 24 * 3_600_000))).toBeLessThan(10_000);
			expect(await infoField(channel, 'Close request')).toBe(
				`asked by <@${home.staff.id}>; closes by itself <t:${Math.floor(due / 1000)}:R>`
			);

			const closed = await home.alice.click(asked, 'Close the ticket');
			expect(closed.content.split('\n')[0]).toBe(
				`Ticket closed by <@${home.alice.id}>, who accepted the close request. Reason: All sorted`
			);
			expect(closed.message!.components).toHaveLength(1);
			await discord.waitFor(() => !home.alice.can(channel, 'send'), 'the opener to stop writing');
			const row = await scenario.ticketRow(channel);
			expect(row).toMatchObject({
				status: 'closed',
				closeReason: 'All sorted',
				closedById: home.alice.id,
				closeRequestedAt: null
			});
			const [entry] = await entries(channel, 'ticket.closed');
			expect(JSON.parse(entry!.details!)).toMatchObject({ closeRequest: 'accepted', reason: 'All sorted' });
			await discord.waitFor(() => asked.components.length === 0, 'the buttons to go');
			expect(await closes(channel)).toBe(1);
		});

		it('refuses a member who is not staff, and a ticket that is not open', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const denied = await home.alice.slash(channel, ['ticket', 'closerequest'], { reason: 'please' });
			expect(denied.ephemeral).toBe(true);
			expect(denied.content).toBe("Only the staff of this ticket's category can do that.");
			expect((await home.alice.command(channel, '!ticket closerequest please')).content).toBe(
				"Only the staff of this ticket's category can do that."
			);
			const asked = await home.staff.slash(channel, ['ticket', 'closerequest'], { reason: 'sorted?' });
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' });
			const late = await home.alice.click(asked.message!, 'Keep it open');
			expect(late.ephemeral).toBe(true);
			expect(late.content).toBe('There is no close request to answer here any more: it was answered or withdrawn.');
			expect((await home.staff.slash(channel, ['ticket', 'closerequest'])).content).toBe(
				'This ticket is closed, so that cannot be done now.'
			);
			expect(await scenario.timeline(channel)).toEqual(['ticket.opened', 'ticket.close_requested', 'ticket.closed']);
			expect((await scenario.ticketRow(channel)).closeRequestedAt).toBeNull();
		});

		it('closes by itself once the deadline passes unanswered, even across a restart, once', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await home.staff.slash(channel, ['ticket', 'closerequest'], { reason: 'No news', hours: 2 });
			await scenario.restart(() =>
				scenario.db.prisma.ticket
					.updateMany({ where: { channelId: channel.id }, data: { closeRequestDueAt: new Date(Date.now() - 1_000) } })
					.then(() => undefined)
			);
			const notice = await discord.message(
				channel,
				(message) => message.content.startsWith('Ticket closed: '),
				'the close at the request’s deadline'
			);
			expect(notice.content.split('\n')[0]).toBe(
				`Ticket closed: <@${home.alice.id}> did not answer the close request of <@${home.staff.id}> in time. Reason: No news`
			);
			const row = await scenario.ticketRow(channel);
			expect(row).toMatchObject({ status: 'closed', closedById: home.staff.id, closeReason: 'No news', closeRequestDueAt: null });
			await scenario.restart();
			expect(await closes(channel)).toBe(1);
		}, 60_000);

		it('queues a third rename in ten minutes instead of refusing it; the latest wins, applied after a restart', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			for (const name of ['first', 'second']) await home.staff.slash(channel, ['ticket', 'rename'], { new_name: name });
			const third = await home.staff.slash(channel, ['ticket', 'rename'], { new_name: 'third' });
			expect(third.content).toMatch(
				new RegExp(
					`^Discord allows two renames of a channel every ten minutes, so this ticket will be renamed to \\*\\*third\\*\\* <t:\\d+:R> \\(asked by <@${home.staff.id}>; a later rename replaces it\\)\\.$`
				)
			);
			const queuedAt = (await scenario.ticketRow(channel)).pendingNameAt!.getTime();
			expect(queuedAt).toBeGreaterThan(Date.now() + 8 * 60_000);
			const fourth = await home.staff.command(channel, '!ticket rename fourth');
			expect(fourth.content).toContain('renamed to **fourth**');
			expect(await scenario.ticketRow(channel)).toMatchObject({ pendingName: 'fourth', pendingNameAt: new Date(queuedAt) });
			expect(channel.name).toBe('second');
			expect(await infoField(channel, 'Rename queued')).toBe(`fourth · <t:${Math.floor(queuedAt / 1000)}:R>`);

			// Ten minutes later, as Discord sees it; the bot was restarted meanwhile.
			await scenario.restart(async () => {
				channel.renames = [];
				await scenario.db.prisma.ticket.updateMany({
					where: { channelId: channel.id },
					data: { pendingNameAt: new Date(Date.now() - 1_000) }
				});
			});
			await discord.waitFor(() => channel.name === 'fourth', 'the queued rename');
			await discord.message(
				channel,
				(message) => message.content === 'This ticket is now called **fourth**: the rename Discord held back is done.',
				'the notice of the queued rename'
			);
			expect(await scenario.ticketRow(channel)).toMatchObject({ pendingName: null, pendingNameAt: null });
			const renamed = await entries(channel, 'ticket.renamed');
			expect(renamed.map((entry) => JSON.parse(entry.details!).name)).toEqual(['first', 'second', 'fourth']);
			expect((await entries(channel, 'ticket.rename_queued')).length).toBe(2);
		}, 60_000);

		// A 35 s wait: with Redis only, where it is the live BullMQ wake-up (scheduling.test.ts waits for the
		// in-process timers), on one database.
		it.runIf(REDIS_URL && database.provider === testDatabases()[0]!.provider)(
			'queues a rename Discord holds back for a rename the bot did not count, and applies it when Discord says',
			async () => {
				const { channel } = await scenario.openTicket(home.alice);
				// Someone renamed the channel twice in Discord a little over nine minutes ago: Discord asks for 35 s more.
				const ago = Date.now() - (10 * 60_000 - 35_000);
				channel.renames = [ago, ago];
				const held = await home.staff.slash(channel, ['ticket', 'rename'], { new_name: 'held' });
				expect(held.content).toContain('so this ticket will be renamed to **held**');
				const at = (await scenario.ticketRow(channel)).pendingNameAt!.getTime();
				expect(at - Date.now()).toBeGreaterThan(20_000);
				expect(at - Date.now()).toBeLessThan(40_000);
				expect(channel.name).not.toBe('held');
				await discord.waitFor(() => channel.name === 'held', 'the rename at the time Discord gave', 60_000);
				await discord.eventually(
					async () => (await scenario.ticketRow(channel)).pendingName === null,
					'the queued rename to be taken off'
				);
				expect((await entries(channel, 'ticket.renamed')).length).toBe(1);
			},
			90_000
		);
	});
}
