import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardBrowser, dashboardEnv, freePort, HAS_CHROMIUM } from '../harness/dashboard.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const PAYLOAD = `<img src=x onerror="document.title='pwned'"><script>alert(1)</script>`;

/**
 * A server's own pages. Analytics for its staff: the same figures as /analytics, drawn by Chart.js from
 * the project's own files under the page's CSP, and every ticket as a streamed CSV. The audit log for its
 * admins. Whoever may not open one is told why, in their language.
 */
for (const database of testDatabases()) {
	describe.runIf(HAS_CHROMIUM)(`web dashboard: analytics, audit log (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let browser: DashboardBrowser;
		let third: Awaited<ReturnType<TicketScenario['openTicket']>>;

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
			third = await scenario.openTicket(home.alice);
			await home.staff.slash(first.channel, ['ticket', 'claim']);
			home.staff.say(first.channel, 'On it');
			await discord.eventually(async () => (await scenario.ticketRow(first.channel)).firstResponseAt, 'the first answer');
			await home.staff.slash(first.channel, ['ticket', 'close'], { reason: 'solved' });
			await home.staff.slash(second.channel, ['ticket', 'close'], { reason: '=HYPERLINK("http://x","y")' });
			await home.staff.slash(third.channel, ['ticket', 'close'], { reason: PAYLOAD });
			await home.staff.slash(third.channel, ['ticket', 'reopen']);
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

		it('shows admins the audit log, newest first, filtered, with what users wrote as text', async () => {
			const admin = await browser.loginAs(home.admin);
			await admin.goto(`${browser.url}/g/${home.guild.id}`);
			await admin.getByRole('link', { name: 'Audit log' }).click();
			await admin.waitForLoadState();
			const rows = admin.locator('table.audit tbody tr');
			const first = (await rows.first().innerText()).split('\t');
			// Bob's rating was the last thing done.
			expect(first.slice(1, 3)).toEqual(['bob', 'Ticket rated']);
			const { number } = await scenario.ticketRow(third.channel);
			await admin.getByLabel('Action').selectOption('ticket.closed');
			await admin.getByRole('button', { name: 'Filter' }).click();
			await admin.waitForLoadState();
			const closes = await rows.allInnerTexts();
			expect(closes).toHaveLength(3);
			expect(closes.every((row) => row.includes('Ticket closed'))).toBe(true);
			expect(closes[0]).toContain(`reason: ${PAYLOAD}`);
			expect(await admin.title()).not.toBe('pwned');
			expect(await admin.locator('table.audit img, table.audit script').count()).toBe(0);

			await admin.goto(`${browser.url}/g/${home.guild.id}/audit?ticket=${number}`);
			const ofTicket = (await rows.allInnerTexts()).map((row) => row.split('\t'));
			expect(ofTicket.map((row) => row[2])).toEqual(['Ticket reopened', 'Ticket closed', 'Ticket opened']);
			expect(ofTicket.every((row) => row[3] === `#${String(number).padStart(4, '0')}`)).toBe(true);
			await admin.goto(`${browser.url}/g/${home.guild.id}/audit?ticket=99999&action=nonsense`);
			expect(await admin.locator('main').innerText()).toContain('No entry matches these filters.');
		}, 60_000);

		it('keeps the audit log for admins: staff are told so, and see no link to it', async () => {
			const staff = await browser.loginAs(home.staff);
			await staff.goto(`${browser.url}/g/${home.guild.id}`);
			expect(await staff.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
			expect((await staff.goto(`${browser.url}/g/${home.guild.id}/audit`))?.status()).toBe(403);
			expect(await staff.locator('main').innerText()).toContain('Only server admins can do that');
			const other = discord.createGuild('Elsewhere again');
			const admin = await browser.loginAs(home.admin);
			expect((await admin.goto(`${browser.url}/g/${other.guild.id}/audit`))?.status()).toBe(404);
		}, 60_000);
	});
}
