import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel, EMessage } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const HISTORY = '/channels/:channelId/messages';

for (const database of testDatabases()) {
	describe(`transcripts from the message archive (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let transcripts: EChannel;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Archive' });
			({ discord, home } = scenario);
			transcripts = discord.world.createChannel(home.guild, { name: 'transcripts' });
			await home.admin.slash(home.general, ['admin', 'set_channels'], {
				transcript_channel: transcripts.id,
				log_channel: transcripts.id
			});
			// The guild's archive begins with this ticket's welcome: the tickets of the tests come after it.
			await scenario.openTicket(home.bob);
		}, 60_000);

		afterAll(() => scenario?.stop());

		const fileText = (message: EMessage, extension: string) =>
			message.attachments.find((attachment) => attachment.filename.endsWith(extension))!.data.toString('utf8');
		/** `/ticket transcript` by this member: the TXT and HTML they get. */
		const transcriptFor = async (who: GuildFixture['alice'], channel: EChannel) => {
			const answer = await who.slash(channel, ['ticket', 'transcript']);
			expect(answer.content).toMatch(/^Transcript of ticket #\d{4}, as of now:$/);
			return { txt: fileText(answer.message!, '.txt'), html: fileText(answer.message!, '.html') };
		};
		const historyReads = (channel: EChannel) =>
			discord.emulator.callsTo('GET', HISTORY).filter((call) => call.path.includes(channel.id));

		it('shows what members typed, edited and deleted: the last text of an edit, marked; deleted messages for staff only', async () => {
			const { channel, welcome } = await scenario.openTicket(home.alice);
			const typo = home.alice.say(channel, 'My order #132 never arrived');
			home.alice.say(channel, 'It was a blue lamp');
			const regret = home.alice.say(channel, 'Here is my card number 4111 1111');
			const claimed = await home.staff.slash(channel, ['ticket', 'claim']);
			home.staff.say(channel, 'Looking into it');
			home.alice.edit(typo, 'My order #123 never arrived');
			home.alice.deleteMessage(regret);
			// A moderation bot sweeps two messages at once.
			const spam = [home.alice.say(channel, 'spam one'), home.alice.say(channel, 'spam two')];
			discord.world.bulkDelete(channel, spam);

			const staff = await transcriptFor(home.staff, channel);
			const lines = staff.txt.split('\n').filter((line) => line.startsWith('['));
			const said = (text: string) => lines.findIndex((line) => line.endsWith(`: ${text}`));
			// In order, the bot's own messages (the welcome, the claim notice) among them.
			expect(staff.txt).toContain((welcome.embeds[0] as { title: string }).title);
			const notice = claimed.content.replace(`<@${home.staff.id}>`, '@staff');
			expect(lines[said(notice)]).toMatch(/ \[BOT\]: /);
			expect(said(notice)).toBeGreaterThan(said('Here is my card number 4111 1111'));
			expect(said('My order #123 never arrived')).toBeGreaterThan(-1);
			expect(lines[said('My order #123 never arrived')]).toMatch(/ alice \(edited\): /);
			expect(staff.txt).not.toContain('#132');
			expect(said('It was a blue lamp')).toBeGreaterThan(said('My order #123 never arrived'));
			expect(said('Looking into it')).toBeGreaterThan(said('It was a blue lamp'));
			for (const text of ['Here is my card number 4111 1111', 'spam one', 'spam two'])
				expect(lines[said(text)], text).toMatch(/ alice \(deleted\): /);
			expect(staff.html).toContain('<span class="muted">(deleted)</span>');

			const opener = await transcriptFor(home.alice, channel);
			expect(opener.txt).toContain('My order #123 never arrived');
			expect(opener.txt).toContain('Looking into it');
			for (const text of ['4111', 'spam one', 'spam two', '(deleted)']) {
				expect(opener.txt).not.toContain(text);
				expect(opener.html).not.toContain(text);
			}
			// Read from the archive: the channel's history on Discord was never paged.
			expect(historyReads(channel)).toEqual([]);
			expect(scenario.bot.output()).not.toMatch(/Could not archive/);
		});

		it('still has every message when Discord no longer hands out the channel’s history', async () => {
			const { channel, welcome } = await scenario.openTicket(home.alice);
			const { number } = await scenario.ticketRow(channel);
			const typed = Array.from({ length: 5 }, (_, index) => `message number ${index + 1}`);
			for (const text of typed) home.alice.say(channel, text);
			home.staff.say(channel, 'We will refund you');
			discord.emulator.limits.injectApiError(
				{ method: 'GET', route: HISTORY },
				{ status: 403, code: 50001, message: 'Missing Access', count: 100 }
			);
			try {
				const onDemand = await transcriptFor(home.staff, channel);
				for (const text of typed) expect(onDemand.txt).toContain(text);
				await home.staff.slash(channel, ['ticket', 'close'], { reason: 'Refunded' });
				const title = `Ticket #${String(number).padStart(4, '0')} closed`;
				const posted = await discord.waitFor(
					() => discord.botMessages(transcripts).find((message) => JSON.stringify(message.embeds).includes(title)),
					'the transcript in the transcript channel'
				);
				const row = await discord.eventually(async () => {
					const ticket = await scenario.ticketRow(channel);
					return ticket.transcriptHtmlPath ? ticket : null;
				}, 'the saved transcript');
				for (const file of [fileText(posted, '.txt'), readFileSync(row.transcriptTxtPath!, 'utf8')]) {
					expect(file).toContain((welcome.embeds[0] as { title: string }).title);
					for (const text of [...typed, 'We will refund you']) expect(file).toContain(text);
				}
				expect(fileText(posted, '.html')).toContain('message number 5');
				expect(historyReads(channel)).toEqual([]);
			} finally {
				discord.emulator.limits.clearFaults();
			}
			expect(scenario.bot.output()).not.toMatch(/Could not save the transcript/);
		});

		it('closes a ticket whose channel someone deleted, its transcript made from what the bot kept', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			home.alice.say(channel, 'my parcel went to the wrong town');
			home.staff.say(channel, 'we are sending another one');
			await discord.eventually(
				async () => (await scenario.db.prisma.ticketMessage.count({ where: { content: 'we are sending another one' } })) === 1,
				'the messages archived'
			);
			const { id, number } = await scenario.ticketRow(channel);
			discord.world.deleteChannel(channel);
			const row = await discord.eventually(async () => {
				const ticket = await scenario.db.prisma.ticket.findUniqueOrThrow({ where: { id } });
				return ticket.transcriptTxtPath ? ticket : null;
			}, 'the ticket closed with its transcript');
			expect(row).toMatchObject({ status: 'closed', closeReason: 'channel deleted', closedById: null });
			const file = readFileSync(row.transcriptTxtPath!, 'utf8');
			for (const text of ['my parcel went to the wrong town', 'we are sending another one']) expect(file).toContain(text);
			expect(await scenario.timeline(channel)).toContain('ticket.closed');
			const title = `Ticket #${String(number).padStart(4, '0')} closed`;
			await discord.waitFor(
				() => discord.botMessages(transcripts).find((message) => JSON.stringify(message.embeds).includes(title)),
				'the transcript in the transcript channel'
			);
			expect(scenario.bot.output()).toContain(`Closed ticket #${number}: its channel was deleted in Discord`);
		});

		it('stores at start-up what members wrote in a ticket while the bot was down', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			home.alice.say(channel, 'before the restart');
			await discord.eventually(
				() => scenario.db.prisma.ticketMessage.findFirst({ where: { content: 'before the restart' } }),
				'the first message stored'
			);
			await scenario.restart(async () => {
				home.alice.say(channel, 'while the bot was away');
				home.staff.say(channel, 'also while away');
			});
			await discord.eventually(
				() => scenario.db.prisma.ticketMessage.findFirst({ where: { content: 'also while away' } }),
				'the messages sent while the bot was away, stored'
			);
			const { txt } = await transcriptFor(home.staff, channel);
			const order = ['before the restart', 'while the bot was away', 'also while away'].map((text) => txt.indexOf(text));
			expect(order.every((index) => index > -1)).toBe(true);
			expect([...order].sort((a, b) => a - b)).toEqual(order);
		}, 60_000);

		it('completes a ticket opened before the archive existed from the channel’s history on Discord', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			home.alice.say(channel, 'written before the upgrade');
			const { id } = await scenario.ticketRow(channel);
			await discord.eventually(
				() => scenario.db.prisma.ticketMessage.findFirst({ where: { content: 'written before the upgrade' } }),
				'the message stored'
			);
			// As if the ticket had been opened, and written in, before the bot had its archive.
			await scenario.db.prisma.ticketMessage.deleteMany({ where: { ticketId: id } });
			await scenario.db.prisma.ticket.update({ where: { id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
			const fromDiscord = await transcriptFor(home.staff, channel);
			expect(fromDiscord.txt).toContain('written before the upgrade');
			expect(historyReads(channel).length).toBeGreaterThan(0);

			const after = home.alice.say(channel, 'written after the upgrade');
			home.alice.edit(after, 'written after the upgrade, edited');
			const merged = await transcriptFor(home.staff, channel);
			expect(merged.txt).toContain('written before the upgrade');
			expect(merged.txt).toMatch(/alice \(edited\): written after the upgrade, edited/);
			expect(merged.txt.indexOf('written before the upgrade')).toBeLessThan(merged.txt.indexOf('written after the upgrade'));
		});
	});
}
