import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel, EMessage } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

interface LoggedEmbed {
	title: string;
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
				() => logged().find((embed) => embed.title === '`settings.channels`'),
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
			expect(events.map((embed) => embed.title)).toEqual([
				'`ticket.opened`',
				'`ticket.claimed`',
				'`ticket.user_added`',
				'`ticket.closed`',
				'`ticket.reopened`',
				'`ticket.transferred`'
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
	});
}
