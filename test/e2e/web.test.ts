import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardBrowser, dashboardEnv, freePort, HAS_CHROMIUM } from '../harness/dashboard.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const PAYLOAD = `<img src=x onerror="document.title='pwned'"><script>alert(1)</script>`;

/**
 * The dashboard in a real headless Chromium against the bot and the emulator: logging in with Discord's
 * OAuth2 (state and PKCE), the servers a member shares with the bot, and each server's tickets as the one
 * access policy lets them list them; nobody reads another server, and nothing users wrote runs as markup.
 */
for (const database of testDatabases()) {
	describe.runIf(HAS_CHROMIUM)(`web dashboard: login and tickets (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let other: GuildFixture;
		let browser: DashboardBrowser;

		beforeAll(async () => {
			const port = await freePort();
			scenario = await startTicketScenario(database, {
				guildName: 'Web Home',
				botEnv: (_home, testDiscord) => dashboardEnv(testDiscord, port)
			});
			({ discord, home } = scenario);
			other = discord.createGuild('Elsewhere');
			browser = await DashboardBrowser.launch(discord, port);
			const renamed = await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'quick',
				display_name: PAYLOAD,
				staff_roles: `<@&${home.roles.staff.id}>`
			});
			expect(renamed.content).toMatch(/\(`quick`\) updated\.$/);
			await scenario.openTicket(home.alice);
			await scenario.openTicket(home.bob);
		}, 90_000);

		afterAll(async () => {
			await browser?.close();
			await scenario?.stop();
		});

		const ticketRows = (page: Page) => page.locator('tbody tr');

		it('logs a member in with Discord and lists only their own tickets', async () => {
			const page = await browser.loginAs(home.alice);
			await expect(page.getByRole('heading', { name: 'Your servers' }).isVisible()).resolves.toBe(true);
			// The other server has the bot but not Alice: it is not offered.
			expect(await page.getByRole('link', { name: 'Elsewhere' }).count()).toBe(0);
			await page.getByRole('link', { name: 'Web Home' }).click();
			await expect(ticketRows(page).count()).resolves.toBe(1);
			expect(await ticketRows(page).first().innerText()).toContain('alice');
			expect(await page.locator('body').innerText()).not.toContain('bob');
		}, 60_000);

		it('lists every ticket of the categories a staff member works', async () => {
			const page = await browser.loginAs(home.staff);
			await page.getByRole('link', { name: 'Web Home' }).click();
			await expect(ticketRows(page).count()).resolves.toBe(2);
			await page.getByLabel('Status').selectOption('closed');
			await page.getByRole('button', { name: 'Filter' }).click();
			expect(await page.getByText('No tickets to show.').isVisible()).toBe(true);
		}, 60_000);

		it('filters the list by opener, claimer, priority and date, keeping the filters across pages', async () => {
			const page = await browser.loginAs(home.staff);
			await page.goto(`${browser.url}/g/${home.guild.id}`);
			await page.getByLabel('Opener (user ID)').fill(home.bob.id);
			await page.getByRole('button', { name: 'Filter' }).click();
			await expect(ticketRows(page).count()).resolves.toBe(1);
			expect(await ticketRows(page).first().innerText()).toContain('bob');
			expect(new URL(page.url()).searchParams.get('opener')).toBe(home.bob.id);
			await page.goto(`${browser.url}/g/${home.guild.id}?priority=urgent`);
			expect(await page.getByText('No tickets to show.').isVisible()).toBe(true);
			await page.goto(`${browser.url}/g/${home.guild.id}?claimer=me`);
			expect(await page.getByText('No tickets to show.').isVisible()).toBe(true);
			const today = new Date().toISOString().slice(0, 10);
			await page.goto(`${browser.url}/g/${home.guild.id}?from=${today}&before=${today}`);
			await expect(ticketRows(page).count()).resolves.toBe(2);
			await page.goto(`${browser.url}/g/${home.guild.id}?before=2020-01-01`);
			expect(await page.getByText('No tickets to show.').isVisible()).toBe(true);
		}, 60_000);

		it("refuses a member another member's tickets, in the list's words, and shows their own", async () => {
			const page = await browser.loginAs(home.alice);
			await page.goto(`${browser.url}/g/${home.guild.id}?opener=${home.bob.id}`);
			expect(await page.locator('.flash').innerText()).toBe(
				"Only staff can list other members' tickets. Leave `member` out to see yours.".replace(/`/g, '')
			);
			await expect(ticketRows(page).count()).resolves.toBe(1);
			expect(await page.locator('tbody').innerText()).not.toContain('bob');
		}, 60_000);

		it('shows what users wrote as text, never as markup', async () => {
			const page = await browser.loginAs(home.staff);
			await page.goto(`${browser.url}/g/${home.guild.id}`);
			expect(await page.title()).not.toBe('pwned');
			expect(await page.locator('tbody td').nth(2).innerText()).toBe(PAYLOAD);
			expect(await page.locator('tbody img, tbody script').count()).toBe(0);
		}, 60_000);

		it('answers 404 for a server the member is not in, even one the bot is in', async () => {
			const page = await browser.loginAs(home.alice);
			for (const guildId of [other.guild.id, '123456789012345678', 'not-a-guild']) {
				const response = await page.goto(`${browser.url}/g/${guildId}`);
				expect(response?.status()).toBe(404);
				expect(await page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true);
			}
		}, 60_000);

		it('refuses a login that did not start here, or that Discord was told to cancel', async () => {
			const profile = await browser.profile(home.alice);
			const page = await profile.newPage();
			const forged = await page.goto(`${browser.url}/auth/callback?code=stolen&state=guess`);
			expect(forged?.status()).toBe(400);
			expect(await page.getByRole('heading', { name: 'Login expired' }).isVisible()).toBe(true);
			await page.goto(browser.url);
			await page.getByRole('link', { name: 'Log in with Discord' }).click();
			await page.getByRole('button', { name: 'Cancel' }).click();
			expect(await page.getByRole('heading', { name: 'Login cancelled' }).isVisible()).toBe(true);
			// Still logged out.
			await page.goto(browser.url);
			expect(await page.getByRole('link', { name: 'Log in with Discord' }).isVisible()).toBe(true);
		}, 60_000);

		it('sets its cookies httpOnly and SameSite=Lax, and allows no script', async () => {
			const page = await browser.loginAs(home.alice);
			const cookies = await page.context().cookies(browser.url);
			const session = cookies.find((cookie) => cookie.name === 'ticketbot_session')!;
			expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
			const response = await page.goto(browser.url);
			const csp = response!.headers()['content-security-policy']!;
			expect(csp).toContain("default-src 'none'");
			expect(csp).not.toContain('script-src');
			expect(response!.headers()['x-frame-options']).toBe('SAMEORIGIN');
		}, 60_000);

		it('logs out with the form (its CSRF token), and the old cookie is then worth nothing', async () => {
			const page = await browser.loginAs(home.alice);
			const cookies = await page.context().cookies(browser.url);
			const header = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
			// The same cookies without the form's token: refused, and still logged in.
			const forged = await fetch(`${browser.url}/logout`, {
				method: 'POST',
				headers: { cookie: header, 'content-type': 'application/x-www-form-urlencoded' },
				body: '',
				redirect: 'manual'
			});
			expect(forged.status).toBe(403);
			await page.goto(browser.url);
			expect(await page.getByRole('heading', { name: 'Your servers' }).isVisible()).toBe(true);
			await page.getByRole('button', { name: 'Log out' }).click();
			await page.waitForURL(`${browser.url}/`);
			expect(await page.getByRole('link', { name: 'Log in with Discord' }).isVisible()).toBe(true);
			const replayed = await fetch(`${browser.url}/g/${home.guild.id}`, { headers: { cookie: header }, redirect: 'manual' });
			expect(replayed.status).toBe(302);
			expect(replayed.headers.get('location')).toBe('/login');
			// Ended where it was stored, not only forgotten by the browser.
			const token = cookies.find((cookie) => cookie.name === 'ticketbot_session')!.value;
			const id = createHash('sha256').update(token).digest('hex');
			expect(await scenario.db.prisma.webSession.findUnique({ where: { id } })).toBeNull();
		}, 60_000);
	});
}
