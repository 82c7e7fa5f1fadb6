import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTicketScenario, TICKET_CONFIG, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture } from '../harness/TestDiscord.js';
import { REDIS_URL, testDatabases } from '../helpers/databases.js';

const OWNER_ONLY = "Only the bot's owners can do that, because it affects every server.";

for (const database of testDatabases()) {
	describe(`/admin reload (${database.provider}${REDIS_URL ? ', Redis' : ''})`, () => {
		let scenario: TicketScenario;
		let home: GuildFixture;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, {
				guildName: 'Reloaded',
				redisUrl: REDIS_URL,
				redisPrefix: `reload-${randomBytes(4).toString('hex')}`,
				botEnv: (guild) => ({ OWNER_IDS: guild.owner.id })
			});
			({ home } = scenario);
		}, 60_000);

		afterAll(() => scenario?.stop());

		const write = (yaml: string) =>
			writeFileSync(scenario.configPath, `${yaml}\nstorage:\n  transcriptsDir: ${JSON.stringify(scenario.transcriptsDir)}\n`);

		it('is for the bot owners only, not for server admins', async () => {
			expect((await home.admin.slash(home.general, ['admin', 'reload'])).content).toBe(OWNER_ONLY);
			expect((await home.staff.command(home.general, '!admin reload')).content).toBe(OWNER_ONLY);
		});

		it('reads config.yaml again for every server, and keeps the running one when the new one is wrong', async () => {
			write(TICKET_CONFIG.replace('maxOpenPerUser: 50', 'maxOpenPerUser: 1') + '\ndefaults: { locale: fr }');
			// Their Discord speaks a language the bot lacks: they read the servers' language, now French.
			home.owner.user.locale = 'de';
			home.alice.user.locale = 'de';
			const reloaded = await home.owner.slash(home.general, ['admin', 'reload']);
			expect(reloaded.content.split('\n')).toEqual([
				expect.stringMatching(/^Reloaded \d+ pieces in \d+ stores\.$/),
				'config.yaml read again: its values apply from now on, in every server.'
			]);
			const settings = await home.owner.slash(home.general, ['admin', 'settings']);
			expect(settings.content).toContain('- Tickets ouverts par membre: **1** (défaut du bot)');
			await scenario.openTicket(home.alice);
			expect((await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' })).content).toMatch(
				/^Vous avez déjà 1 ticket/
			);

			write('tickets: { maxOpenPerUser: -1 }');
			const refused = await home.owner.command(home.general, '!admin reload');
			expect(refused.content.split('\n')[1]).toMatch(
				/^config\.yaml n'a pas été pris, la configuration en cours reste : .*tickets\.maxOpenPerUser = -1: expected a whole number from 1 to 50$/
			);
			expect((await home.owner.slash(home.general, ['admin', 'settings'])).content).toContain('**1** (défaut du bot)');
			home.owner.user.locale = undefined;
			home.alice.user.locale = undefined;
		});

		it('keeps every command, button and listener working after the pieces are reloaded', async () => {
			write(TICKET_CONFIG);
			await home.owner.slash(home.general, ['admin', 'reload']);
			const { channel, welcome } = await scenario.openTicket(home.bob);
			expect((await home.staff.click(welcome, 'Claim')).content).toBe(
				`<@${home.staff.id}> has claimed this ticket and will handle it.`
			);
			home.staff.say(channel, 'Hello, how can I help?');
			await scenario.discord.eventually(
				async () => (await scenario.ticketRow(channel)).firstResponseAt !== null,
				'the first answer'
			);
			expect(scenario.bot.output()).not.toMatch(/already registered|Listener.*error/i);
		});
	});
}
