import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { postgresDatabase, testDatabases } from '../helpers/databases.js';
import { postgresBin, startPostgres, type OwnPostgres } from '../helpers/postgresServer.js';

const DATABASE_DOWN = /^The bot cannot reach its database right now\. Nothing was changed: try again in a moment\./;
const CHANNELS = { method: 'POST', route: '/guilds/:guildId/channels' };

/**
 * PostgreSQL stopped under the running bot (a server of the test's own, in a temporary folder, on a port
 * no other test uses) and started again: no crash, no half ticket, a clear answer, and recovery without
 * a restart. Runs where the tests run on PostgreSQL (CI's second pass).
 */
describe.skipIf(!postgresBin() || !testDatabases().some((database) => database.provider === 'postgresql'))(
	'a PostgreSQL outage',
	() => {
		let server: OwnPostgres;
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;

		beforeAll(async () => {
			server = await startPostgres();
			scenario = await startTicketScenario(postgresDatabase(server.url), { guildName: 'Database outage' });
			({ discord, home } = scenario);
		}, 90_000);

		afterAll(async () => {
			await scenario?.stop();
			await server?.remove();
		});

		const ticketChannels = () =>
			discord.state.guildChannels(home.guild.id).filter((channel) => /^#\d+ · /.test(channel.topic ?? ''));

		it('answers, leaves no half ticket, and works again once the database is back', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const before = ticketChannels().length;

			// The database goes while Discord is making a ticket's channel: the channel does not stay.
			discord.emulator.limits.injectLatency(CHANNELS, 2_500, 1);
			const callsBefore = discord.emulator.calls.length;
			const creating = discord.world.slash(home.bob.user, home.general, ['ticket', 'create'], { category: 'quick' });
			await discord.eventually(
				() => scenario.db.prisma.ticket.findFirst({ where: { openerId: home.bob.id, status: 'creating' } }),
				'the ticket row being created'
			);
			await server.stop();
			const failed = await discord.answer(creating, 30_000);
			expect(failed.content).toMatch(DATABASE_DOWN);
			await discord.waitFor(() => ticketChannels().length === before, 'the new channel removed');
			// Discord made the channel, and the bot removed it when the database would not record it.
			const calls = discord.emulator.calls.slice(callsBefore).filter((call) => call.status < 300);
			expect(calls.some((call) => call.method === 'POST' && call.route === '/guilds/:guildId/channels')).toBe(true);
			expect(calls.some((call) => call.method === 'DELETE' && call.route === '/channels/:channelId')).toBe(true);

			// Every command answers while it is down.
			const close = await home.staff.slash(channel, ['ticket', 'close'], { reason: 'during the outage' });
			expect(close.content).toMatch(DATABASE_DOWN);
			expect(close.ephemeral).toBe(true);

			await server.start();
			// Back without a restart: the same process opens and closes tickets again.
			const reopened = await discord.eventually(
				async () => {
					const answer = await home.staff.slash(channel, ['ticket', 'close'], { reason: 'after the outage' });
					return /closed by/i.test(answer.content) ? answer : null;
				},
				'a close once the database is back',
				30_000
			);
			expect(reopened.content).toContain('after the outage');
			await scenario.openTicket(home.bob);
			expect(scenario.bot.process.exitCode).toBeNull();
		}, 120_000);
	}
);
