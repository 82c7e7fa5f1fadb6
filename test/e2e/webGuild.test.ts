import { ChannelType } from 'discord-api-types/v10';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDelivery } from '../../src/lib/webhooks/signature.js';
import { DashboardBrowser, dashboardEnv, freePort, HAS_CHROMIUM } from '../harness/dashboard.js';
import { Receiver } from '../harness/receiver.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const PAYLOAD = `<img src=x onerror="document.title='pwned'"><script>alert(1)</script>`;

/**
 * A server's own pages. Analytics for its staff: the same figures as /analytics, drawn by Chart.js from
 * the project's own files under the page's CSP, and every ticket as a streamed CSV. The audit log and the
 * settings for its admins, through the /admin commands' use cases, so Discord follows each change at once
 * and a bad value is refused with the command's words. Whoever may not open a page is told why.
 */
for (const database of testDatabases()) {
	describe.runIf(HAS_CHROMIUM)(`web dashboard: analytics, audit log, settings (${database.provider})`, () => {
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
			// No category has an SLA here: the section says so rather than show empty tables.
			expect(await staff.locator('section', { hasText: 'SLA breaches' }).innerText()).toContain('No ticket with an SLA yet.');
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

		const settingsOf = async (page: Page) => {
			await page.goto(`${browser.url}/g/${home.guild.id}/settings`);
			return page;
		};
		const submit = async (page: Page, button: string) => {
			await page.getByRole('button', { name: button, exact: true }).click();
			await page.waitForLoadState();
			return page.locator('.flash').innerText();
		};
		/** Submits the form a button is in, within one part of the page (the page has a form per category). */
		const submitIn = async (page: Page, part: ReturnType<Page['locator']>, button: string) => {
			await part.getByRole('button', { name: button, exact: true }).click();
			await page.waitForLoadState();
			return page.locator('.flash').innerText();
		};
		const settingsRow = () => scenario.db.prisma.guildSettings.findUniqueOrThrow({ where: { guildId: home.guild.id } });

		it('changes the rules from the form: Discord follows at once, and an unchanged form changes nothing', async () => {
			const admin = await browser.loginAs(home.admin);
			await admin.goto(`${browser.url}/g/${home.guild.id}`);
			await admin.getByRole('link', { name: 'Settings' }).click();
			await admin.waitForLoadState();
			expect(await submit(admin, 'Save')).toBe('Nothing to change: every value was already so.');
			expect((await settingsRow()).prefix).toBeNull();

			await admin.getByLabel(/^Prefix of message commands/).fill('?');
			await admin.getByLabel(/^Open tickets per member/).fill('2');
			expect(await submit(admin, 'Save')).toBe('Settings saved.');
			expect(await settingsRow()).toMatchObject({ prefix: '?', maxOpenPerUser: 2, cooldownSeconds: null });
			const shown = await home.admin.command(home.general, '?admin settings');
			expect(shown.content).toContain('Prefix of message commands: **`?`** (set here)');
			expect(await admin.getByLabel(/^Open tickets per member/).inputValue()).toBe('2');

			await admin.getByLabel(/^Prefix of message commands/).fill('a b');
			expect(await submit(admin, 'Save')).toBe('The prefix must be 1 to 5 characters without spaces or backticks, like ! or t!.');
			// A hand-made request past the form's own limits: refused whole, nothing half written.
			const csrf = await admin.locator('input[name="_csrf"]').first().inputValue();
			await admin.request.post(`${browser.url}/g/${home.guild.id}/settings/rules`, {
				form: { _csrf: csrf, prefix: '!', locale: 'en-US', maxOpenPerUser: '9999' },
				maxRedirects: 0
			});
			await settingsOf(admin);
			expect(await admin.locator('.flash').innerText()).toBe('max_open is not valid here. Check the value and try again.');
			expect(await settingsRow()).toMatchObject({ prefix: '?', maxOpenPerUser: 2 });

			expect(await submit(admin, 'Back to the defaults')).toBe('Settings saved.');
			expect(await settingsRow()).toMatchObject({ prefix: null, maxOpenPerUser: null });
			const entries = await scenario.db.prisma.auditEvent.findMany({ where: { action: 'settings.updated' } });
			expect(entries.map((entry) => JSON.parse(entry.details).via)).toEqual(['web', 'web']);
		}, 60_000);

		it('sets the role lists with the command’s checks, and refuses @everyone', async () => {
			const admin = await settingsOf(await browser.loginAs(home.admin));
			await admin.getByLabel(/^Support roles/).fill(home.guild.id);
			await admin.getByRole('button', { name: 'Save roles' }).first().click();
			await admin.waitForLoadState();
			expect(await admin.locator('.flash').innerText()).toMatch(
				/^@everyone cannot be a staff, support, admin or escalation role/
			);
			await admin.getByLabel(/^Support roles/).fill(`<@&${home.roles.staff.id}>`);
			await admin.getByRole('button', { name: 'Save roles' }).first().click();
			await admin.waitForLoadState();
			expect(await admin.locator('.flash').innerText()).toMatch(/^Support roles: @Support\./);
			expect(JSON.parse((await settingsRow()).supportRoleIds)).toEqual([home.roles.staff.id]);
			await admin.getByLabel(/^Support roles/).fill('none');
			await admin.getByRole('button', { name: 'Save roles' }).first().click();
			await admin.waitForLoadState();
			expect(JSON.parse((await settingsRow()).supportRoleIds)).toEqual([]);
		}, 60_000);

		it('blacklists a member, who Discord then refuses, and lets them back', async () => {
			const admin = await settingsOf(await browser.loginAs(home.admin));
			await admin.getByLabel('Member (user ID)').fill(home.bob.id);
			await admin.getByLabel(/^Why/).fill(PAYLOAD);
			expect(await submit(admin, 'Blacklist')).toBe('@bob can no longer open tickets, until removed from the blacklist.');
			expect(await admin.locator('table.blacklist tbody td.details').innerText()).toBe(PAYLOAD);
			expect(await admin.locator('table.blacklist img, table.blacklist script').count()).toBe(0);
			const refused = await home.bob.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(refused.content).toMatch(/^You cannot open tickets on this server\. Reason: /);

			expect(await submit(admin, 'Remove from the blacklist')).toBe('@bob can open tickets again.');
			expect(await admin.locator('main').innerText()).toContain('Nobody is blacklisted.');
			await scenario.openTicket(home.bob);
		}, 60_000);

		it('keeps the settings for admins: staff are refused on the page and in a hand-made request', async () => {
			const staff = await browser.loginAs(home.staff);
			await staff.goto(`${browser.url}/g/${home.guild.id}`);
			expect(await staff.getByRole('link', { name: 'Settings' }).count()).toBe(0);
			expect((await settingsOf(staff)).url()).toContain('/settings');
			expect(await staff.locator('main').innerText()).toContain('Only server admins can do that');
			const csrf = await staff.locator('input[name="_csrf"]').first().inputValue();
			const response = await staff.request.post(`${browser.url}/g/${home.guild.id}/settings/blacklist-add`, {
				form: { _csrf: csrf, userId: home.alice.id, hours: '0', reason: 'no' },
				maxRedirects: 0
			});
			expect(response.status()).toBe(303);
			expect(await scenario.db.prisma.blacklistEntry.count()).toBe(0);
			const forged = await staff.request.post(`${browser.url}/g/${home.guild.id}/settings/rules`, { form: {}, maxRedirects: 0 });
			expect(forged.status()).toBe(403);
			const admin = await browser.loginAs(home.admin);
			for (const path of ['settings', 'settings/nonsense'])
				expect((await admin.goto(`${browser.url}/g/123456789012345678/${path}`))?.status(), path).toBe(404);
		}, 60_000);

		it('shows the categories and previews each panel, then posts it in Discord from the page', async () => {
			const created = await home.admin.slash(home.general, ['admin', 'panel_create'], {
				panel_id: 'help',
				channel: home.general.id,
				title: `Need help? ${PAYLOAD}`
			});
			expect(created.content).toContain('Panel `help` created');
			const admin = await settingsOf(await browser.loginAs(home.admin));
			const categories = await admin.locator('table.categories tbody tr').allInnerTexts();
			expect(categories.some((row) => row.startsWith('quick\tQuick question\t@Support'))).toBe(true);
			const panel = admin.locator('article.panel', { hasText: 'help' });
			expect(await panel.locator('h3').innerText()).toBe('help · In #general · not posted yet');
			expect(await panel.locator('.embed strong').innerText()).toBe(`Need help? ${PAYLOAD}`);
			expect(await panel.locator('.discord-button').allInnerTexts()).toEqual(['Open a ticket']);
			expect(await admin.locator('.discord-message img, .discord-message script').count()).toBe(0);

			await panel.getByRole('button', { name: 'Post or update in Discord' }).click();
			await admin.waitForLoadState();
			expect(await admin.locator('.flash').innerText()).toMatch(/^Panel help posted: https?:\/\//);
			const posted = discord.botMessages(home.general).filter((message) => JSON.stringify(message.embeds).includes('Need help?'));
			expect(posted).toHaveLength(1);
			expect(await admin.locator('article.panel', { hasText: 'help' }).locator('h3').innerText()).toMatch(/· posted /);
			const entry = await scenario.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'panel.deployed' } });
			expect(JSON.parse(entry.details)).toMatchObject({ key: 'help', via: 'web' });

			await admin
				.locator('article.panel', { hasText: 'help' })
				.getByRole('button', { name: 'Post or update in Discord' })
				.click();
			await admin.waitForLoadState();
			expect(await admin.locator('.flash').innerText()).toMatch(/^Panel help updated in place/);
			expect(
				discord.botMessages(home.general).filter((message) => JSON.stringify(message.embeds).includes('Need help?'))
			).toHaveLength(1);
		}, 60_000);

		it('changes, adds and deletes categories from their forms, with the command’s checks; Discord follows', async () => {
			const desk = discord.world.createChannel(home.guild, { name: 'Help desk', type: ChannelType.GuildCategory });
			const admin = await settingsOf(await browser.loginAs(home.admin));
			const quick = admin.locator('details.category[data-key="quick"]');
			await quick.locator('summary').click();
			expect(await quick.getByLabel('Staff roles (IDs or mentions)').inputValue()).toBe(home.roles.staff.id);
			await quick.getByLabel('Name shown to members').fill(`Quick ${PAYLOAD}`);
			await quick.getByLabel('Discord category for the ticket channels').selectOption({ label: 'Help desk' });
			await quick.getByLabel('First answer expected within (minutes; empty: no SLA)').fill('45');
			await quick.getByLabel('Resolution expected within (working minutes)').fill('600');
			await quick
				.getByLabel('Working hours (time zone; days and times; closed dates)')
				.fill('Europe/Paris; MON-FRI 09:00-18:00; closed 2026-12-25');
			await quick.getByLabel('Out of hours').selectOption('notice');
			expect(await submitIn(admin, quick, 'Save category')).toBe(`Category Quick ${PAYLOAD} (quick) updated.`);
			expect(await admin.title()).not.toBe('pwned');
			const row = await scenario.db.prisma.category.findFirstOrThrow({ where: { guildId: home.guild.id, key: 'quick' } });
			expect(row).toMatchObject({
				parentChannelId: desk.id,
				slaMinutes: 45,
				resolutionSlaMinutes: 600,
				// Stored as the commands write it back.
				workingHours: 'Europe/Paris; mon-fri 09:00-18:00; closed 2026-12-25',
				outOfHours: 'notice',
				staffRoleIds: JSON.stringify([home.roles.staff.id])
			});
			const entry = await scenario.db.prisma.auditEvent.findFirstOrThrow({
				where: { action: 'category.updated' },
				orderBy: { id: 'desc' }
			});
			expect(JSON.parse(entry.details)).toEqual({ key: 'quick', via: 'web' });
			// Discord follows: the next ticket's channel goes under the chosen category.
			const { channel } = await scenario.openTicket(home.bob);
			expect(channel.parentId).toBe(desk.id);

			// A bad value is refused in the command's words, and nothing of the form is saved.
			await admin.locator('details.category[data-key="quick"] summary').click();
			await quick.getByLabel('Name shown to members').fill('Renamed');
			await quick.getByLabel('Form questions: Label | paragraph | optional | 10-500 | /regex/ ; …').fill('Order | banana');
			expect(await submitIn(admin, quick, 'Save category')).toMatch(/^I could not read the question Order \| banana\./);
			expect(
				(await scenario.db.prisma.category.findFirstOrThrow({ where: { guildId: home.guild.id, key: 'quick' } })).displayName
			).toBe(`Quick ${PAYLOAD}`);

			const fresh = admin.locator('details.category:not([data-key])');
			await fresh.locator('summary').click();
			await fresh.getByLabel('Key (lower case, digits, - _)').fill('billing');
			await fresh.getByLabel('Name shown to members').fill('Billing');
			await fresh
				.getByLabel('Form questions: Label | paragraph | optional | 10-500 | /regex/ ; …')
				.fill('Invoice number | 3-20 ; What happened? | paragraph | optional');
			expect(await submitIn(admin, fresh, 'Save category')).toBe('Category Billing (billing) created.');
			const billing = admin.locator('details.category[data-key="billing"]');
			await billing.locator('summary').click();
			expect(await billing.getByLabel('Form questions: Label | paragraph | optional | 10-500 | /regex/ ; …').inputValue()).toBe(
				'Invoice number | 3-20 ; What happened? | paragraph | optional'
			);
			await billing.getByRole('button', { name: 'Delete category' }).click();
			await admin.waitForLoadState();
			expect(await admin.locator('.flash').innerText()).toBe('Category Billing (billing) deleted.');
			expect(await admin.locator('details.category[data-key="billing"]').count()).toBe(0);
			await admin.locator('details.category[data-key="quick"] summary').click();
			await quick.getByRole('button', { name: 'Delete category' }).click();
			await admin.waitForLoadState();
			expect(await admin.locator('.flash').innerText()).toMatch(/has \d+ tickets filed under it, so it stays/);
		}, 60_000);

		it('refuses a Discord channel that is not one of the server’s categories, and a member any change', async () => {
			const admin = await settingsOf(await browser.loginAs(home.admin));
			const csrf = await admin.locator('input[name="_csrf"]').first().getAttribute('value');
			const forged = await admin.request.post(`${browser.url}/g/${home.guild.id}/settings/category-save`, {
				form: { _csrf: csrf!, key: 'quick', displayName: 'Quick', parentChannelId: home.general.id }
			});
			expect(await forged.text()).toContain('That is not a Discord category of this server: pick one from the list.');
			const alice = await browser.loginAs(home.alice);
			await alice.goto(`${browser.url}/g/${home.guild.id}`);
			const token = await alice.locator('input[name="_csrf"]').first().getAttribute('value');
			const refused = await alice.request.post(`${browser.url}/g/${home.guild.id}/settings/category-save`, {
				form: { _csrf: token!, key: 'sneaky', displayName: 'Sneaky' }
			});
			expect(refused.status()).toBe(403);
			expect(await scenario.db.prisma.category.count({ where: { key: 'sneaky' } })).toBe(0);
		}, 60_000);

		it('changes, adds and deletes panels from their forms; Discord shows the change once posted', async () => {
			const admin = await settingsOf(await browser.loginAs(home.admin));
			const help = admin.locator('article.panel[data-key="help"]');
			await help.locator('details.panel-edit summary').click();
			await help.getByLabel('Title', { exact: true }).fill('Ask us');
			await help.getByLabel('A button per category, or one menu').selectOption('select');
			await help.locator('input[name="categories"][value="quick"]').check();
			expect(await submitIn(admin, help, 'Save panel')).toBe(
				'Panel help updated (#general). Run /admin panel_deploy help to show the changes.'
			);
			await admin.locator('article.panel[data-key="help"]').getByRole('button', { name: 'Post or update in Discord' }).click();
			await admin.waitForLoadState();
			const posted = () =>
				discord.botMessages(home.general).filter((message) => JSON.stringify(message.embeds).includes('Ask us'));
			expect(posted()).toHaveLength(1);
			expect(JSON.stringify(posted()[0]!.components)).toContain('"type":3');

			const fresh = admin.locator('section', { hasText: 'Panels' }).locator('details.panel-edit').last();
			await fresh.locator('summary').click();
			await fresh.getByLabel('Key (lower case, digits, - _)').fill('sales');
			await fresh.getByLabel('Channel it is posted in').selectOption({ label: '#general' });
			await fresh.getByLabel('Title', { exact: true }).fill('Sales');
			await fresh.getByLabel('Emoji', { exact: true }).fill('not an emoji');
			expect(await submitIn(admin, fresh, 'Save panel')).toMatch(/^not an emoji is not an emoji Discord can show/);
			expect(await scenario.db.prisma.panel.count({ where: { guildId: home.guild.id, key: 'sales' } })).toBe(0);
			await fresh.locator('summary').click();
			await fresh.getByLabel('Key (lower case, digits, - _)').fill('sales');
			await fresh.getByLabel('Title', { exact: true }).fill('Sales');
			expect(await submitIn(admin, fresh, 'Save panel')).toMatch(/^Panel sales created for #general\./);
			const sales = admin.locator('article.panel[data-key="sales"]');
			await sales.locator('details.panel-edit summary').click();
			expect(await submitIn(admin, sales, 'Delete panel')).toBe('Panel sales deleted (it had no message to remove).');

			// Discord fails to remove the posted message: the panel and its message both stay.
			discord.emulator.limits.injectServerError(
				{ method: 'DELETE', route: '/channels/:channelId/messages/:messageId' },
				{ status: 500, count: 4 }
			);
			const again = admin.locator('article.panel[data-key="help"]');
			await again.locator('details.panel-edit summary').click();
			expect(await submitIn(admin, again, 'Delete panel')).toMatch(/^Discord did not answer/);
			expect(await scenario.db.prisma.panel.count({ where: { guildId: home.guild.id, key: 'help' } })).toBe(1);
			expect(posted()).toHaveLength(1);
			await admin.locator('article.panel[data-key="help"] details.panel-edit summary').click();
			expect(await submitIn(admin, admin.locator('article.panel[data-key="help"]'), 'Delete panel')).toBe(
				'Panel help deleted, and its message with it.'
			);
			expect(posted()).toHaveLength(0);
			const entry = await scenario.db.prisma.auditEvent.findFirstOrThrow({
				where: { action: 'panel.deleted' },
				orderBy: { id: 'desc' }
			});
			expect(JSON.parse(entry.details)).toEqual({ key: 'help', messageRemoved: true, via: 'web' });
		}, 90_000);

		it('makes, lists and revokes API tokens and webhooks for admins, each secret shown once', async () => {
			const admin = await browser.loginAs(home.admin);
			await admin.goto(`${browser.url}/g/${home.guild.id}`);
			await admin.getByRole('link', { name: 'Integrations' }).click();
			await admin.waitForLoadState();
			expect(await admin.locator('main').innerText()).toContain('No token works on this server.');

			await admin.getByLabel('Name (letters, digits, . _ -)').fill('helpdesk');
			await admin.getByLabel('Scope').selectOption('write');
			await admin.getByRole('button', { name: 'Create token' }).click();
			await admin.waitForLoadState();
			const token = await admin.locator('.secret code').innerText();
			expect(token).toMatch(/^tkb_[\w-]{43}$/);
			expect(await admin.locator('.secret p').innerText()).toMatch(/^Token helpdesk created with the write scope\./);
			const api = (bearer: string) =>
				fetch(`${browser.url}/api/v1/guilds/${home.guild.id}/tickets`, { headers: { authorization: `Bearer ${bearer}` } });
			expect((await api(token)).status).toBe(200);
			await admin.reload();
			expect(await admin.locator('.secret').count()).toBe(0);
			expect(await admin.content()).not.toContain(token);
			expect(await admin.locator('table.tokens tbody tr').allInnerTexts()).toEqual([
				expect.stringMatching(/^helpdesk\twrite\tadmin\t.+UTC\t.+UTC\t/)
			]);
			const created = await scenario.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'api_token.created' } });
			expect(JSON.parse(created.details)).toEqual({ name: 'helpdesk', scope: 'write', via: 'web' });

			// A name taken is refused with the command's words, and no second token is made.
			await admin.getByLabel('Name (letters, digits, . _ -)').fill('helpdesk');
			await admin.getByRole('button', { name: 'Create token' }).click();
			await admin.waitForLoadState();
			expect(await admin.locator('.flash').innerText()).toMatch(/helpdesk/);
			expect(await admin.locator('.secret').count()).toBe(0);
			expect(await scenario.db.prisma.apiToken.count({ where: { guildId: home.guild.id } })).toBe(1);

			await admin.locator('table.tokens tbody tr', { hasText: 'helpdesk' }).getByRole('button', { name: 'Revoke' }).click();
			await admin.waitForLoadState();
			expect(await admin.locator('.flash').innerText()).toBe('API token helpdesk revoked: it no longer works.');
			expect((await api(token)).status).toBe(401);

			// A webhook: its secret once, then the delivery log shows what was sent, signed with it.
			const receiver = await new Receiver().start();
			try {
				await admin.getByLabel('Address (https://)').fill(receiver.url);
				await admin.getByLabel('ticket.claimed').check();
				await admin.getByRole('button', { name: 'Add webhook' }).click();
				await admin.waitForLoadState();
				const secret = await admin.locator('.secret code').innerText();
				expect(secret).toMatch(/^whsec_/);
				const { channel } = await scenario.openTicket(home.bob);
				await home.staff.slash(channel, ['ticket', 'claim']);
				await discord.waitFor(() => receiver.received.length >= 1, 'the claim delivered');
				expect(receiver.received.map((delivery) => delivery.event)).toEqual(['ticket.claimed']);
				expect(verifyDelivery(secret, receiver.received[0]!, receiver.received[0]!.body)).toBe(true);
				await discord.eventually(async () => {
					await admin.goto(`${browser.url}/g/${home.guild.id}/integrations`);
					const log = await admin.locator('table.deliveries tbody tr').allInnerTexts();
					return log.length === 1 && /ticket\.claimed\tdelivered/.test(log[0]!);
				}, 'the delivery in the log');
				expect(await admin.locator('table.webhooks tbody tr').innerText()).toContain('1 delivered, 0 waiting, 0 failed');
				await admin.getByRole('button', { name: 'Remove' }).click();
				await admin.waitForLoadState();
				expect(await admin.locator('.flash').innerText()).toMatch(/^Webhook #\d+ removed/);
				expect(await scenario.db.prisma.webhookEndpoint.count({ where: { guildId: home.guild.id } })).toBe(0);
			} finally {
				await receiver.stop();
			}
		}, 90_000);

		it('keeps integrations for admins: staff are refused in their words, and a forged form makes nothing', async () => {
			const staff = await browser.loginAs(home.staff);
			await staff.goto(`${browser.url}/g/${home.guild.id}`);
			expect(await staff.getByRole('link', { name: 'Integrations' }).count()).toBe(0);
			expect((await staff.goto(`${browser.url}/g/${home.guild.id}/integrations`))?.status()).toBe(403);
			expect(await staff.locator('main').innerText()).toContain('Only server admins can do that');
			// Her own session and CSRF token, a hand-made form: the use case refuses it.
			await staff.goto(`${browser.url}/g/${home.guild.id}`);
			const csrf = await staff.locator('input[name="_csrf"]').first().getAttribute('value');
			const response = await staff.request.post(`${browser.url}/g/${home.guild.id}/integrations/token-create`, {
				form: { _csrf: csrf!, name: 'sneaky', scope: 'write' }
			});
			expect(await response.text()).not.toMatch(/tkb_/);
			expect(await scenario.db.prisma.apiToken.count({ where: { name: 'sneaky' } })).toBe(0);
			const hook = await staff.request.post(`${browser.url}/g/${home.guild.id}/integrations/webhook-add`, {
				form: { _csrf: csrf!, url: 'https://example.com/hook' }
			});
			expect(await hook.text()).not.toMatch(/whsec_/);
			expect(await scenario.db.prisma.webhookEndpoint.count({ where: { guildId: home.guild.id } })).toBe(0);
		}, 60_000);
	});
}
