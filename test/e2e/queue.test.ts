import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const queued = (place: number) =>
	`Discord allows 500 channels per server, and this one is full. You are number ${place} in the queue for **Quick question**: your ticket opens by itself as soon as a channel is freed, and you will be pinged in it.`;

for (const database of testDatabases()) {
	describe(`a full server: the waiting queue opens tickets in order as channels are freed (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let fillers: EChannel[] = [];

		const ticketsOf = (userId: string) =>
			scenario.db.prisma.ticket.findMany({ where: { guildId: home.guild.id, openerId: userId, status: 'open' } });
		const waiting = () => scenario.db.prisma.ticketWait.count({ where: { guildId: home.guild.id } });

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Crowded' });
			({ discord, home } = scenario);
			const room = 500 - discord.state.guildChannels(home.guild.id).length;
			fillers = Array.from({ length: room }, (_, index) => discord.world.createChannel(home.guild, { name: `filler-${index}` }));
			// The bot has heard of every channel.
			await discord.waitFor(async () => {
				const answer = await home.bob.slash(home.general, ['ticket', 'create'], { category: 'quick' });
				return answer.content.startsWith('Discord allows 500 channels') && answer;
			}, 'the bot to know the server is full');
			await scenario.db.prisma.ticketWait.deleteMany({});
		}, 90_000);

		afterAll(() => scenario?.stop());

		it('queues members instead of refusing them, telling each their place; asking again keeps it', async () => {
			const calls = discord.emulator.callsTo('POST', '/guilds/:guildId/channels').length;
			const alice = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(alice.ephemeral).toBe(true);
			expect(alice.content).toBe(queued(1));
			expect((await home.bob.command(home.general, '!ticket create quick')).content).toMatch(/^Open a ticket/);
			const bob = await home.bob.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(bob.content).toBe(queued(2));
			const again = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(again.content).toBe(
				'You are already in the queue for **Quick question**: number 1. Your ticket opens by itself as soon as a channel is freed.'
			);
			expect(await waiting()).toBe(2);
			expect(await scenario.db.prisma.ticket.count({ where: { guildId: home.guild.id } })).toBe(0);
			// Known full: the bot did not ask Discord for channels it would refuse.
			expect(discord.emulator.callsTo('POST', '/guilds/:guildId/channels').length).toBe(calls);
		});

		it('opens the first waiting member’s ticket as soon as a channel is freed, pinging them', async () => {
			discord.world.deleteChannel(fillers.pop()!);
			const [ticket] = await discord.eventually(async () => {
				const tickets = await ticketsOf(home.alice.id);
				return tickets.length === 1 && tickets;
			}, 'alice’s ticket from the queue');
			const channel = discord.state.channel(ticket!.channelId!);
			const welcome = await discord.message(channel, (message) => message.authorId === discord.emulator.botId, 'the welcome');
			expect(welcome.content).toContain(`<@${home.alice.id}>`);
			const fields = (welcome.embeds[0] as { fields?: { value: string }[] }).fields ?? [];
			expect(fields.map((field) => field.value)).toContain(
				`<@${home.alice.id}>, your turn came: this ticket opened as soon as a channel was freed.`
			);
			expect(home.alice.can(channel, 'send')).toBe(true);
			await discord.eventually(async () => (await waiting()) === 1, 'alice to leave the queue');
			expect(await ticketsOf(home.bob.id)).toHaveLength(0);
		});

		it('keeps the queue across a restart, and serves it at start when channels were freed meanwhile', async () => {
			await scenario.restart(async () => {
				discord.world.deleteChannel(fillers.pop()!);
			});
			await discord.eventually(async () => (await ticketsOf(home.bob.id)).length === 1, 'bob’s ticket after the restart');
			await discord.eventually(async () => (await waiting()) === 0, 'the queue to empty');
			// Full again: a new request waits, first in line.
			const carol = discord.join(home.guild, 'carol');
			expect((await carol.slash(home.general, ['ticket', 'create'], { category: 'quick' })).content).toBe(queued(1));
		}, 60_000);
	});
}
