import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardBrowser, dashboardEnv, freePort, HAS_CHROMIUM } from '../harness/dashboard.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

/**
 * The analytics page for a server's staff: the same figures as /analytics, drawn by Chart.js from the
 * project's own files under the page's CSP, and every ticket as a streamed CSV; members are told why not.
 */
for (const database of testDatabases()) {
	describe.runIf(HAS_CHROMIUM)(`web dashboard: analytics (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let browser: DashboardBrowser;

		beforeAll(async () => {
			const port = await freePort();
			scenario = await startTicketScenario(database, {
				guildName: 'Figures',
				botEnv: (_home, testDiscord) => dashboardEnv(testDiscord, port)
			});
			({ discord, home } = scenario);
			browser = await DashboardBrowser.launch(discord, port);
			const first = await scenario.openTicket(home.alice);
			const second = await scenario.openTicket(home.bob);
			await scenario.openTicket(home.alice);
			await home.staff.slash(first.channel, ['ticket', 'claim']);
			home.staff.say(first.channel, 'On it');
			await discord.eventually(async () => (await scenario.ticketRow(first.channel)).firstResponseAt, 'the first answer');
			await home.staff.slash(first.channel, ['ticket', 'close'], { reason: 'solved' });
			await home.staff.slash(second.channel, ['ticket', 'close'], { reason: '=HYPERLINK("http://x","y")' });
			await home.alice.slash(first.channel, ['ticket', 'feedback'], { stars: 5 });
			await home.bob.slash(second.channel, ['ticket', 'feedback'], { stars: 2 });
		}, 90_000);

		afterAll(async () => {
			await browser?.close();
			await scenario?.stop();
		});

		const analyticsOf = (page: Page) => page.goto(`${browser.url}/g/${home.guild.id}/analytics`);

		it('shows staff the figures, with charts drawn by the project’s own Chart.js and nothing refused by the CSP', async () => {
			const staff = await browser.loginAs(home.staff);
			const problems: string[] = [];
			staff.on('console', (message) => {
				if (message.type() === 'error') problems.push(message.text());
			});
			staff.on('pageerror', (error) => problems.push(error.message));
			await staff.goto(`${browser.url}/g/${home.guild.id}`);
			await staff.getByRole('link', { name: 'Analytics' }).click();
			await staff.waitForLoadState();
			expect(await staff.getByRole('heading', { name: 'Figures' }).isVisible()).toBe(true);
			const cards = await staff.locator('.figures li').allInnerTexts();
			expect(cards[0]).toContain('3 in all: 1 open, 2 closed. 3 opened in the last 24 hours.');
			expect(cards[2]).toContain('3.5 ★ from 2 ratings');

			// Each chart is a Chart.js chart over the figures in its table.
			// Run in the page: what Chart.js drew on each canvas (none when the script was refused).
			const charts = await staff.evaluate<({ type: string; values: number[] } | null)[]>(`
				[...document.querySelectorAll('canvas')].map((canvas) => {
					const chart = window.Chart?.getChart(canvas);
					return chart ? { type: chart.config.type, values: chart.data.datasets[0].data } : null;
				})`);
			expect(charts).toHaveLength(2);
			expect(charts[0]).toMatchObject({ type: 'line' });
			expect(charts[0]!.values).toHaveLength(30);
			expect(charts[0]!.values.reduce((sum, count) => sum + count, 0)).toBe(3);
			expect(charts[1]).toEqual({ type: 'bar', values: [0, 1, 0, 0, 1] });
			const leaderboard = await staff.locator('section', { hasText: 'Staff leaderboard' }).locator('tbody tr').allInnerTexts();
			expect(leaderboard[0]).toMatch(/^1\tstaff\t2\t1\t/);
			expect(problems).toEqual([]);
			const csp = (await staff.request.get(`${browser.url}/g/${home.guild.id}/analytics`)).headers()['content-security-policy'];
			expect(csp).toMatch(/^default-src 'none';.*;script-src 'self'$/);
			expect(csp).not.toMatch(/unsafe/);
		}, 60_000);

		it('downloads every ticket as CSV, formulas defused', async () => {
			const staff = await browser.loginAs(home.staff);
			const response = await staff.request.get(`${browser.url}/g/${home.guild.id}/analytics.csv`);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
			expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="tickets-\d{4}-\d{2}-\d{2}\.csv"$/);
			const lines = (await response.text()).split('\r\n').filter(Boolean);
			expect(lines[0]).toMatch(/^\uFEFFnumber,status,category,/);
			expect(lines).toHaveLength(4);
			expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
		}, 60_000);

		it('tells a member it is for staff, in their language, and offers no link to it', async () => {
			const alice = await browser.loginAs(home.alice);
			await alice.goto(`${browser.url}/g/${home.guild.id}`);
			expect(await alice.getByRole('link', { name: 'Analytics' }).count()).toBe(0);
			expect((await analyticsOf(alice))?.status()).toBe(403);
			expect(await alice.locator('main').innerText()).toContain("Only the server's staff can see its ticket analytics.");
			expect((await alice.request.get(`${browser.url}/g/${home.guild.id}/analytics.csv`)).status()).toBe(403);

			const french = await browser.loginAs(home.bob, { locale: 'fr-FR' });
			expect((await analyticsOf(french))?.status()).toBe(403);
			expect(await french.locator('main').innerText()).toContain(
				"Seule l'équipe du serveur peut voir les statistiques des tickets."
			);

			const other = discord.createGuild('Elsewhere');
			const staff = await browser.loginAs(home.staff);
			for (const path of [`/g/${other.guild.id}/analytics`, `/g/${other.guild.id}/analytics.csv`])
				expect((await staff.goto(`${browser.url}${path}`))?.status(), path).toBe(404);
		}, 60_000);
	});
}
