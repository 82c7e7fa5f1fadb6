import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBot } from '../harness/bot.js';
import { API_REQUESTS_PER_MINUTE } from '../../src/web/api/index.js';
import {
	DashboardBrowser,
	dashboardEnv,
	dashboardServing,
	freePort,
	HAS_CHROMIUM,
	loginWithoutBrowser
} from '../harness/dashboard.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { REDIS_URL, testDatabases } from '../helpers/databases.js';

/**
 * `npm run web`: the dashboard in a process of its own, beside the bot, on the same database. It talks to
 * Discord through REST with the bot's token and never opens a gateway session, yet a ticket worked from
 * it changes Discord at once, and who may see what still comes from Discord.
 */
for (const database of testDatabases()) {
	describe.runIf(HAS_CHROMIUM)(`the dashboard run alone (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let web: TestBot;
		let browser: DashboardBrowser;
		let staff: Page;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Desk' });
			({ discord, home } = scenario);
			const port = await freePort();
			web = scenario.addBot({ entry: 'web', env: dashboardEnv(discord, port) });
			await web.ready;
			browser = await DashboardBrowser.launch(discord, port);
			staff = await browser.loginAs(home.staff);
		}, 120_000);

		afterAll(async () => {
			await browser?.close();
			await scenario?.stop();
		});

		const act = async (page: Page, button: string) => {
			await page.getByRole('button', { name: button, exact: true }).click();
			await page.waitForLoadState();
			return page.locator('.flash').innerText();
		};

		it('works a ticket through REST alone: Discord shows each effect, and only the bot holds a gateway session', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { number } = await scenario.ticketRow(channel);
			expect(await staff.getByRole('link', { name: 'Desk' }).count()).toBe(1);
			await staff.getByRole('link', { name: 'Desk' }).click();
			await staff.getByRole('link', { name: `#${String(number).padStart(4, '0')}` }).click();
			expect(await act(staff, 'Claim')).toBe('@staff has claimed this ticket and will handle it.');
			await discord.message(
				channel,
				(message) => message.authorId === discord.emulator.botId && message.content.startsWith(`<@${home.staff.id}> has claimed`),
				'the claim in the ticket'
			);
			await staff.getByLabel('Member (user ID)').fill(home.bob.id);
			expect(await act(staff, 'Add member')).toBe('@staff added @bob to this ticket.');
			expect(home.bob.can(channel, 'view')).toBe(true);

			await staff.getByLabel('Reason').fill('done from the web process');
			expect(await act(staff, 'Close')).toMatch(/^Ticket closed by @staff\. Reason: done from the web process/);
			expect(home.alice.can(channel, 'send')).toBe(false);
			expect((await scenario.ticketRow(channel)).status).toBe('closed');
			// The transcript is written after the answer.
			await discord.eventually(
				async () => (await scenario.ticketRow(channel)).transcriptPostedAt !== null,
				'the transcript written by the web process'
			);
			expect(await scenario.timeline(channel)).toEqual(
				expect.arrayContaining(['ticket.opened', 'ticket.claimed', 'ticket.user_added', 'ticket.closed'])
			);
			expect(discord.emulator.gateway.connectedSessions()).toBe(1);
			expect(web.output()).not.toMatch(/error/i);
		}, 90_000);

		it('asks Discord who the visitor is: a member of another server, or none at all, finds nothing', async () => {
			const other = discord.createGuild('Elsewhere');
			const alice = await browser.loginAs(home.alice);
			expect(await alice.getByRole('link', { name: 'Desk' }).count()).toBe(1);
			expect(await alice.getByRole('link', { name: 'Elsewhere' }).count()).toBe(0);
			expect((await alice.goto(`${browser.url}/g/${other.guild.id}`))?.status()).toBe(404);
			expect((await staff.goto(`${browser.url}/g/${other.guild.id}`))?.status()).toBe(404);
			// Her list holds her tickets only, from the roles Discord gives her.
			await alice.goto(`${browser.url}/g/${home.guild.id}`);
			expect(await alice.locator('main').innerText()).not.toContain('Analytics');
		}, 60_000);
	});
}

describe('the dashboard with only WEB_PORT and the client secret', () => {
	it('serves and logs members in with a secret of its own, saying so', async () => {
		const [database] = testDatabases();
		const scenario = await startTicketScenario(database!, { guildName: 'Quick start' });
		try {
			const port = await freePort();
			const web = scenario.addBot({ entry: 'web', env: { ...dashboardEnv(scenario.discord, port), SESSION_SECRET: '' } });
			await web.ready;
			expect(web.output()).toContain('SESSION_SECRET is not set: the dashboard signs its cookies with a random secret');
			const cookie = await loginWithoutBrowser(`http://127.0.0.1:${port}`, scenario.discord, scenario.home.staff);
			const page = await fetch(`http://127.0.0.1:${port}/g/${scenario.home.guild.id}`, { headers: { cookie } });
			expect(page.status).toBe(200);
		} finally {
			await scenario.stop();
		}
	}, 60_000);
});

describe('the dashboard run alone without WEB_PORT', () => {
	it('exits saying which setting it needs', async () => {
		const [database] = testDatabases();
		const scenario = await startTicketScenario(database!, { guildName: 'Nowhere' });
		try {
			const web = scenario.addBot({ entry: 'web' });
			await expect(web.ready).rejects.toThrow(/environment: WEB_PORT is not set, so the web dashboard has nowhere to listen/);
			expect(scenario.discord.emulator.gateway.connectedSessions()).toBe(1);
		} finally {
			await scenario.stop();
		}
	}, 60_000);
});

describe.skipIf(!REDIS_URL)('the API limit shared by two processes through Redis', () => {
	it('counts a token’s requests in every process: past the limit in one, the other refuses it too', async () => {
		const [database] = testDatabases();
		const [embedded, alone] = [await freePort(), await freePort()];
		const scenario = await startTicketScenario(database!, {
			guildName: 'Shared limit',
			redisUrl: REDIS_URL,
			redisPrefix: `test-${randomBytes(4).toString('hex')}`,
			botEnv: (_home, testDiscord) => dashboardEnv(testDiscord, embedded)
		});
		try {
			const { discord, home } = scenario;
			const web = scenario.addBot({ entry: 'web', env: dashboardEnv(discord, alone) });
			await web.ready;
			const created = await home.admin.slash(home.general, ['admin', 'api_token_create'], { name: 'shared', scope: 'read' });
			const token = /tkb_[\w-]{43}/.exec(created.content)![0];
			const ask = (port: number) =>
				fetch(`http://127.0.0.1:${port}/api/v1/guilds/${home.guild.id}/panels`, {
					headers: { authorization: `Bearer ${token}` }
				});
			await dashboardServing(`http://127.0.0.1:${embedded}`);
			const statuses: number[] = [];
			for (let i = 0; i < API_REQUESTS_PER_MINUTE; i++) statuses.push((await ask(i % 2 ? embedded : alone)).status);
			expect(statuses.every((status) => status === 200)).toBe(true);
			expect((await ask(embedded)).status).toBe(429);
			expect((await ask(alone)).status).toBe(429);
		} finally {
			await scenario.stop();
		}
	}, 90_000);
});
