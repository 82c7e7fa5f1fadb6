import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/lib/cache/MemoryCache.js';
import { envSchema, parseEnv } from '../../src/lib/config/env.js';
import { loadConfig } from '../../src/lib/config/load.js';
import { DataStore } from '../../src/lib/database/guildData.js';
import { createLogger, createRedactor } from '../../src/lib/setup/logger.js';
import { createServices } from '../../src/lib/setup/services.js';
import { createWebServer } from '../../src/web/server.js';
import { DashboardBrowser, dashboardEnv, freePort, HAS_CHROMIUM } from '../harness/dashboard.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

/** Routes that name no server: the way in, the login, static files, the API's documentation. */
const UNSCOPED = /^\/(login|logout|auth\/|static\/|api\/docs|$|\*)/;

/**
 * Every route of the dashboard and the API that names a server, as the server itself lists them (not
 * a list kept by hand): each answers 404 to a server the visitor is not in, and each that names a
 * ticket answers 404 to a ticket number that only another server has, while the same route with the
 * visitor's own server and ticket does not.
 */
for (const database of testDatabases()) {
	describe.runIf(HAS_CHROMIUM)(`every guild route is scoped to its guild (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let other: GuildFixture;
		let browser: DashboardBrowser;
		let admin: Page;
		let routes: { method: string; url: string }[];
		let homeNumber: number;
		let otherOnlyNumber: number;
		let token: string;

		/** The routes the dashboard registers, read from a server built on the same code (it never listens). */
		async function registeredRoutes(): Promise<{ method: string; url: string }[]> {
			const env = parseEnv(envSchema, {
				DISCORD_TOKEN: discord.emulator.token,
				DATABASE_URL: 'file:/nonexistent.db',
				CONFIG_PATH: scenario.configPath,
				LOG_FILES: 'false',
				LOG_LEVEL: 'error',
				...dashboardEnv(discord, 1)
			});
			const { config } = await loadConfig(env.CONFIG_PATH);
			const redactor = createRedactor(env);
			const services = createServices({
				env,
				config,
				redactor,
				db: new DataStore(scenario.db.prisma, scenario.db.provider),
				cache: new MemoryCache(),
				logger: createLogger(env, redactor),
				discord: () => {
					throw new Error('the route list asks nothing of Discord');
				}
			});
			const found: { method: string; url: string }[] = [];
			const app = await createWebServer(services, { onRoute: (method, url) => found.push({ method, url }) });
			await app.close();
			return found.filter((route) => route.method !== 'HEAD' && !UNSCOPED.test(route.url));
		}

		beforeAll(async () => {
			const port = await freePort();
			scenario = await startTicketScenario(database, {
				guildName: 'Scoped',
				botEnv: (_home, testDiscord) => dashboardEnv(testDiscord, port)
			});
			({ discord, home } = scenario);
			other = discord.createGuild('Neighbour');
			await other.admin.slash(other.general, ['admin', 'category_upsert'], { key: 'quick', display_name: 'Quick question' });
			// The neighbour has more tickets than home: its last number names nothing in home.
			const opened = [];
			for (let i = 0; i < 3; i++)
				opened.push(await other.alice.slash(other.general, ['ticket', 'create'], { category: 'quick' }));
			expect(opened.every((answer) => /<#\d+>/.test(answer.content))).toBe(true);
			const { channel } = await scenario.openTicket(home.alice);
			homeNumber = (await scenario.ticketRow(channel)).number;
			otherOnlyNumber = homeNumber + 2;
			expect(await scenario.db.prisma.ticket.count({ where: { guildId: other.guild.id, number: otherOnlyNumber } })).toBe(1);
			expect(await scenario.db.prisma.ticket.count({ where: { guildId: home.guild.id, number: otherOnlyNumber } })).toBe(0);

			browser = await DashboardBrowser.launch(discord, port);
			admin = await browser.loginAs(home.admin);
			await admin.goto(`${browser.url}/g/${home.guild.id}/integrations`);
			await admin.getByLabel('Name (letters, digits, . _ -)').fill('sweep');
			await admin.getByLabel('Scope').selectOption('write');
			await admin.getByRole('button', { name: 'Create token' }).click();
			await admin.waitForLoadState();
			token = await admin.locator('.secret code').innerText();
			routes = await registeredRoutes();
		}, 120_000);

		afterAll(async () => {
			await browser?.close();
			await scenario?.stop();
		});

		/** A route's address with these values for its parameters. */
		const address = (url: string, values: { guildId: string; number: number }) =>
			url
				.replace(':guildId', values.guildId)
				.replace(':number', String(values.number))
				.replace(':file', 'photo.png')
				.replace(':action', url.includes('/t/') ? 'claim' : url.includes('integrations') ? 'webhook-remove' : 'rules');

		/** Asks as home's admin: the dashboard with its login (and CSRF token), the API with its write token. */
		const ask = async (method: string, path: string) => {
			const headers = path.startsWith('/api/') ? { authorization: `Bearer ${token}` } : undefined;
			if (method === 'GET') return (await admin.request.get(`${browser.url}${path}`, { headers, maxRedirects: 0 })).status();
			await admin.goto(`${browser.url}/g/${home.guild.id}`);
			const csrf = (await admin.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '';
			const response = path.startsWith('/api/')
				? await admin.request.fetch(`${browser.url}${path}`, { method, headers, data: { text: 'x', reason: 'x' } })
				: await admin.request.fetch(`${browser.url}${path}`, { method, form: { _csrf: csrf, id: '1' }, maxRedirects: 0 });
			return response.status();
		};

		it('lists the routes from the server itself', () => {
			const listed = routes.map((route) => `${route.method} ${route.url}`);
			// A few that must be there: the sweep is not over an empty or partial list.
			for (const known of [
				'GET /g/:guildId',
				'GET /g/:guildId/t/:number/transcript',
				'POST /g/:guildId/t/:number/:action',
				'GET /g/:guildId/integrations',
				'GET /api/v1/guilds/:guildId/tickets/:number/messages'
			])
				expect(listed).toContain(known);
			expect(routes.length).toBeGreaterThanOrEqual(20);
		});

		it('answers 404 on every route to a server the visitor is not in', async () => {
			const answers: string[] = [];
			for (const route of routes) {
				const path = address(route.url, { guildId: other.guild.id, number: homeNumber });
				answers.push(`${route.method} ${route.url} ${await ask(route.method, path)}`);
			}
			expect(answers).toEqual(routes.map((route) => `${route.method} ${route.url} 404`));
			expect(await scenario.db.prisma.auditEvent.count({ where: { guildId: other.guild.id, action: 'ticket.claimed' } })).toBe(0);
		}, 120_000);

		it('answers 404 on every ticket route to a number only another server has, and not to its own', async () => {
			const ticketRoutes = routes.filter((route) => route.url.includes(':number'));
			expect(ticketRoutes.length).toBeGreaterThanOrEqual(10);
			const answers: string[] = [];
			for (const route of ticketRoutes) {
				const path = address(route.url, { guildId: home.guild.id, number: otherOnlyNumber });
				answers.push(`${route.method} ${route.url} ${await ask(route.method, path)}`);
			}
			expect(answers).toEqual(ticketRoutes.map((route) => `${route.method} ${route.url} 404`));
			// The same reads of home's own ticket are answered (an attachment that was never copied aside).
			for (const route of ticketRoutes.filter((r) => r.method === 'GET' && !r.url.includes(':file'))) {
				const status = await ask('GET', address(route.url, { guildId: home.guild.id, number: homeNumber }));
				expect(status, route.url).toBe(200);
			}
			expect(await scenario.db.prisma.ticket.count({ where: { guildId: other.guild.id, claimedById: { not: null } } })).toBe(0);
		}, 120_000);
	});
}
