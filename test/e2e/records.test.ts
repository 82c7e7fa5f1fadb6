import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel, EMessage } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

interface LoggedEmbed {
	title: string;
	footer: { text: string };
	fields: { name: string; value: string }[];
}

for (const database of testDatabases()) {
	describe(`log channel and transcript channel (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let transcripts: EChannel;
		let logs: EChannel;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Records' });
			({ discord, home } = scenario);
			transcripts = discord.world.createChannel(home.guild, { name: 'transcripts' });
			logs = discord.world.createChannel(home.guild, { name: 'ticket-log' });
		}, 60_000);

		afterAll(() => scenario?.stop());

		const logged = (): LoggedEmbed[] => discord.botMessages(logs).flatMap((message: EMessage) => message.embeds as LoggedEmbed[]);
		const field = (embed: LoggedEmbed, name: string) => embed.fields.find((entry) => entry.name === name)?.value;

		it('lets admins choose the channels, and refuses one the bot cannot post in', async () => {
			expect(
				(
					await home.staff.slash(home.general, ['admin', 'set_channels'], {
						transcript_channel: transcripts.id,
						log_channel: logs.id
					})
				).content
			).toMatch(/^Only server admins/);
			const closed = discord.world.createChannel(home.guild, {
				name: 'no-bot',
				overwrites: [{ id: discord.emulator.botId, type: 1, allow: 0n, deny: P.SendMessages }]
			});
			expect(
				(await home.admin.slash(home.general, ['admin', 'set_channels'], { transcript_channel: closed.id, log_channel: logs.id }))
					.content
			).toBe(
				`I cannot post in <#${closed.id}>: I need SendMessages there. Give me those permissions in that channel, or pick another one.`
			);
			const set = await home.admin.command(home.general, `!admin set_channels <#${transcripts.id}> <#${logs.id}>`);
			expect(set.content).toBe(
				`Transcripts go to <#${transcripts.id}> and ticket events to <#${logs.id}>. Openers do not get their transcript by direct message.`
			);
			await discord.waitFor(
				() =>
					logged().find(
						(embed) => embed.footer.text === 'settings.channels' && embed.title === 'Transcript and log channels set'
					),
				'the settings change in the log'
			);
		});

		it('posts an event for every ticket action, with actor, ticket and reason, escaped', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { number } = await scenario.ticketRow(channel);
			const ticketField = `#${String(number).padStart(4, '0')} <#${channel.id}>`;
			await home.staff.slash(channel, ['ticket', 'claim']);
			await home.staff.slash(channel, ['ticket', 'adduser'], { member: home.bob.id });
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'Solved <script>alert(1)</script> @everyone **bold**' });
			await home.staff.slash(channel, ['ticket', 'reopen']);
			await home.staff.slash(channel, ['ticket', 'transfer'], { member: home.bob.id });
			const events = await discord.waitFor(() => {
				const mine = logged().filter((embed) => field(embed, 'Ticket') === ticketField);
				return mine.length >= 6 ? mine : null;
			}, 'six events for the ticket in the log channel');
			expect(events.map((embed) => embed.footer.text)).toEqual([
				'ticket.opened',
				'ticket.claimed',
				'ticket.user_added',
				'ticket.closed',
				'ticket.reopened',
				'ticket.transferred'
			]);
			expect(events.map((embed) => embed.title)).toEqual([
				'Ticket opened',
				'Ticket claimed',
				'Member added to a ticket',
				'Ticket closed',
				'Ticket reopened',
				'Ticket transferred'
			]);
			expect(field(events[0]!, 'By')).toBe(`<@${home.alice.id}>`);
			expect(field(events[1]!, 'By')).toBe(`<@${home.staff.id}>`);
			expect(field(events[2]!, 'About')).toBe(`<@${home.bob.id}>`);
			const reason = field(events[3]!, 'Details')!;
			expect(reason).toContain('reason: Solved <script>alert(1)</script>');
			expect(reason).toContain('@\u200beveryone');
			expect(reason).toContain('\\*\\*bold\\*\\*');
			const logMessages = discord.botMessages(logs);
			expect(logMessages.every((message) => message.pingedRoleIds.length === 0)).toBe(true);
		});

		it('posts every entry of a ticket’s timeline, titled in the server’s language', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { id, number } = await scenario.ticketRow(channel);
			const steps: [string, Record<string, string | number | boolean>][] = [
				['claim', {}],
				['unclaim', {}],
				['lock', {}],
				['unlock', {}],
				['rename', { new_name: 'renamed' }],
				['adduser', { member: home.bob.id }],
				['removeuser', { member: home.bob.id }],
				['priority', { level: 'urgent' }],
				['tags', { tags: 'vip,refund' }],
				['note', { text: 'looked into it' }],
				['scheduleclose', { minutes: 60 }],
				['scheduleclose', { minutes: 0 }],
				['transfer', { member: home.bob.id }],
				['close', { reason: 'done' }],
				['reopen', {}],
				['forceclose', { delete_channel: false, reason: 'spam' }]
			];
			for (const [subcommand, options] of steps) {
				const actor = subcommand === 'forceclose' ? home.admin : home.staff;
				const answer = await actor.slash(channel, ['ticket', subcommand], options);
				expect(answer.content, subcommand).not.toMatch(/^Only |E-[0-9A-Z]{8}/);
			}
			await home.bob.slash(channel, ['ticket', 'feedback'], { stars: 4 });
			const stored = await scenario.db.prisma.auditEvent.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } });
			const ticketField = `#${String(number).padStart(4, '0')} <#${channel.id}>`;
			const posted = await discord.waitFor(() => {
				const mine = logged().filter((embed) => field(embed, 'Ticket') === ticketField);
				return mine.length >= stored.length ? mine : null;
			}, `${stored.length} events in the log channel`);
			expect(posted.map((embed) => embed.footer.text).sort()).toEqual(stored.map((event) => event.action).sort());
			expect(new Set(stored.map((event) => event.action)).size).toBeGreaterThanOrEqual(15);
			// Every title is a sentence of the language file, never the bare action code.
			for (const embed of posted) expect(embed.title).not.toBe(embed.footer.text);

			await home.admin.slash(home.general, ['admin', 'settings'], { language: 'fr' });
			await home.staff.slash(channel, ['ticket', 'note'], { text: 'en français' });
			await discord.waitFor(
				() => logged().find((embed) => field(embed, 'Ticket') === ticketField && embed.title === 'Note interne ajoutée'),
				'a French title'
			);
			await home.admin.slash(home.general, ['admin', 'settings'], { reset: true });
		});

		const dmsOf = (user: { id: string }) => discord.dmsOf(user);
		const fileText = (message: EMessage, extension: string) =>
			message.attachments.find((attachment) => attachment.filename.endsWith(extension))!.data.toString('utf8');

		it('closes into an HTML and a TXT file, saved and posted to the transcript channel, everything users wrote escaped', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { number } = await scenario.ticketRow(channel);
			home.guild.members.get(home.alice.id)!.nick = '<img src=x onerror=alert(1)>';
			home.alice.say(channel, 'My order #123 never arrived');
			home.alice.say(channel, '<script>alert(1)</script> [click](javascript:alert(1)) &amp; &lt;b&gt;');
			home.staff.say(channel, `<@${home.alice.id}> <@&${home.roles.staff.id}> is on it`);
			await home.staff.slash(channel, ['ticket', 'note'], { text: 'Customer is a VIP' });
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'Refunded' });
			const title = `Ticket #${String(number).padStart(4, '0')} closed`;
			const posted = await discord.waitFor(
				() => discord.botMessages(transcripts).find((message) => JSON.stringify(message.embeds).includes(title)),
				'the transcript in the transcript channel',
				15_000
			);
			expect(posted.attachments.map((attachment) => attachment.filename).sort()).toEqual([
				`ticket-${String(number).padStart(4, '0')}.html`,
				`ticket-${String(number).padStart(4, '0')}.txt`
			]);
			const row = await discord.eventually(async () => {
				const ticket = await scenario.ticketRow(channel);
				return ticket.transcriptHtmlPath ? ticket : null;
			}, 'the saved paths');
			expect(row.transcriptHtmlPath!.startsWith(scenario.transcriptsDir)).toBe(true);
			const html = readFileSync(row.transcriptHtmlPath!, 'utf8');
			const txt = readFileSync(row.transcriptTxtPath!, 'utf8');
			expect(fileText(posted, '.html')).toBe(html);
			expect(fileText(posted, '.txt')).toBe(txt);
			for (const file of [html, txt]) {
				expect(file).toContain('My order #123 never arrived');
				expect(file).toContain('Customer is a VIP');
			}
			expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+\s*=|href="javascript:/i);
			expect(html).toContain('&lt;script&gt;');
			expect(html).toContain('&amp;amp;');
			// Mentions read as names, escaped like everything else.
			expect(html).toContain(
				'<span class="mention">@&lt;img src=x onerror=alert(1)&gt;</span> <span class="mention">@Support</span> is on it'
			);
			expect(txt).toContain(': @<img src=x onerror=alert(1)> @Support is on it');
			home.guild.members.get(home.alice.id)!.nick = null;
		});

		it('hands the transcript over on demand: staff with the notes, the opener without, by DM for prefix commands', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await home.staff.slash(channel, ['ticket', 'adduser'], { member: home.bob.id });
			home.alice.say(channel, 'Where is my parcel?');
			await home.staff.slash(channel, ['ticket', 'note'], { text: 'secret-note-xyz' });

			const openerCopy = await home.alice.slash(channel, ['ticket', 'transcript']);
			expect(openerCopy.ephemeral).toBe(true);
			expect(openerCopy.content).toMatch(/^Transcript of ticket #\d{4}, as of now:$/);
			for (const extension of ['.html', '.txt']) {
				expect(fileText(openerCopy.message!, extension)).toContain('Where is my parcel?');
				expect(fileText(openerCopy.message!, extension)).not.toContain('secret-note-xyz');
			}
			const staffCopy = await home.staff.slash(channel, ['ticket', 'transcript']);
			for (const extension of ['.html', '.txt']) expect(fileText(staffCopy.message!, extension)).toContain('secret-note-xyz');
			expect((await home.bob.slash(channel, ['ticket', 'transcript'])).content).toBe(
				'Only the staff and the person who opened this ticket can get its transcript.'
			);

			const before = dmsOf(home.staff).length;
			const reply = await home.staff.command(channel, '!ticket transcript');
			expect(reply.content).toBe('I sent you the answer by direct message.');
			const dm = dmsOf(home.staff).at(before)!;
			expect(fileText(dm, '.html')).toContain('secret-note-xyz');
			const shy = discord.world.createUser('shy-staff', { dmsClosed: true });
			discord.world.addMember(home.guild, shy, [home.roles.staff]);
			expect((await discord.as(shy).command(channel, '!ticket transcript')).content).toMatch(
				/^I could not send you the answer by direct message: your DMs from this server are closed\./
			);

			// A French server gets a French transcript, whatever the language of the member's Discord; the
			// answer that only she reads is in hers.
			await home.admin.slash(home.general, ['admin', 'settings'], { language: 'fr' });
			const french = await home.alice.slash(channel, ['ticket', 'transcript']);
			expect(french.content).toMatch(/^Transcript of ticket #\d{4}/);
			expect(fileText(french.message!, '.txt')).toMatch(/^Ouvert par: +alice$/m);
			expect(fileText(french.message!, '.html')).toContain('<html lang="fr">');
			await home.admin.slash(home.general, ['admin', 'settings'], { reset: true });
		});

		it('sends openers their copy by DM when the guild allows it; a closed DM is no error', async () => {
			await home.admin.slash(home.general, ['admin', 'set_channels'], {
				transcript_channel: transcripts.id,
				log_channel: logs.id,
				dm_transcripts: true
			});
			const { channel } = await scenario.openTicket(home.bob);
			await home.staff.slash(channel, ['ticket', 'note'], { text: 'not-for-bob' });
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' });
			const dm = await discord.waitFor(
				() => dmsOf(home.bob).find((message) => message.attachments.length === 2),
				'the DM to bob'
			);
			expect(dm.content).toMatch(/^Here is the transcript of your ticket #\d{4} in Records\.$/);
			expect(fileText(dm, '.html')).not.toContain('not-for-bob');

			const closedDms = discord.world.createUser('no-dms', { dmsClosed: true });
			discord.world.addMember(home.guild, closedDms);
			const { channel: quiet } = await scenario.openTicket(discord.as(closedDms));
			const postsBefore = discord.botMessages(transcripts).length;
			await home.staff.slash(quiet, ['ticket', 'close'], { reason: 'done' });
			await discord.waitFor(() => discord.botMessages(transcripts).length > postsBefore, 'the transcript post');
			await discord.eventually(async () => (await scenario.ticketRow(quiet)).transcriptHtmlPath !== null, 'the saved transcript');
			expect(scenario.bot.output()).not.toMatch(/Could not save the transcript/);
		});

		it('posts at start-up, once, the transcript of a ticket closed while the bot was going down', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' });
			await discord.eventually(async () => (await scenario.ticketRow(channel)).transcriptPostedAt !== null, 'the transcript');
			const { id, number } = await scenario.ticketRow(channel);
			const title = `Ticket #${String(number).padStart(4, '0')} closed`;
			const postsOf = () => discord.botMessages(transcripts).filter((message) => JSON.stringify(message.embeds).includes(title));
			const [first] = await discord.waitFor(() => postsOf().length === 1 && postsOf(), 'the transcript post');
			const unmarked = () => scenario.db.prisma.ticket.update({ where: { id }, data: { transcriptPostedAt: null } });
			const marked = () =>
				discord.eventually(
					async () => (await scenario.ticketRow(channel)).transcriptPostedAt !== null,
					'the caught-up transcript'
				);

			// As if the bot had stopped after posting and before recording it: not posted a second time.
			await scenario.restart(unmarked);
			await marked();
			await new Promise((resolve) => setTimeout(resolve, 500));
			expect(postsOf().map((message) => message.id)).toEqual([first!.id]);

			// As if it had stopped before posting (the post never reached Discord): posted now.
			await scenario.restart(async () => {
				first!.deleted = true;
				await unmarked();
			});
			await marked();
			const [again] = await discord.waitFor(() => postsOf().length === 1 && postsOf(), 'the caught-up transcript post');
			expect(again!.id).not.toBe(first!.id);
			expect(again!.attachments.map((file) => file.filename)).toEqual([
				`ticket-${String(number).padStart(4, '0')}.html`,
				`ticket-${String(number).padStart(4, '0')}.txt`
			]);
		}, 60_000);

		it('tells the admins once, in the log channel, when the bot loses a permission; each member is told why', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { channel: other } = await scenario.openTicket(home.bob);
			const role = discord.world.botRole(home.guild);
			const before = role.permissions;
			discord.world.setRolePermissions(home.guild, role, before & ~P.ManageRoles);
			const notices = () => logged().filter((embed) => embed.footer.text === 'bot.permission_missing');
			try {
				for (const [who, where] of [
					[home.staff, channel],
					[home.staff, other],
					[home.staff, channel]
				] as const) {
					const refused = await who.slash(where, ['ticket', 'close'], { reason: 'done' });
					expect(refused.content).toContain('I need the **Manage Permissions** permission');
					expect(refused.content).toContain('Nothing was changed');
				}
				await discord.waitFor(() => notices().length === 1, 'the notice in the log channel');
				expect(notices()[0]!.title).toBe('The bot is missing a permission');
				expect(field(notices()[0]!, 'Details')).toContain('ManageRoles');
				expect((await scenario.ticketRow(channel)).status).toBe('open');
			} finally {
				discord.world.setRolePermissions(home.guild, role, before);
			}
			// A moment for a second notice that should not come.
			await new Promise((resolve) => setTimeout(resolve, 500));
			expect(notices()).toHaveLength(1);
			expect((await home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' })).content).toMatch(/closed/i);
		});
	});
}
