import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel } from '../emulator/state.js';
import { DashboardBrowser, dashboardEnv, freePort, HAS_CHROMIUM } from '../harness/dashboard.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

/**
 * A ticket worked from the dashboard: each action is the same use case as the command, so Discord shows
 * its effect at once (the channel's permissions, the bot's message in the ticket), the timeline says it
 * came from the dashboard, refusals read as they do in Discord, and a failed Discord call changes nothing.
 */
for (const database of testDatabases()) {
	describe.runIf(HAS_CHROMIUM)(`web dashboard: a ticket's page and actions (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let browser: DashboardBrowser;
		let staff: Page;

		beforeAll(async () => {
			const port = await freePort();
			scenario = await startTicketScenario(database, {
				guildName: 'Desk',
				botEnv: (_home, testDiscord) => dashboardEnv(testDiscord, port)
			});
			({ discord, home } = scenario);
			browser = await DashboardBrowser.launch(discord, port);
			staff = await browser.loginAs(home.staff);
		}, 90_000);

		afterAll(async () => {
			await browser?.close();
			await scenario?.stop();
		});

		const pageOf = async (page: Page, channel: EChannel) => {
			const { number } = await scenario.ticketRow(channel);
			await page.goto(`${browser.url}/g/${home.guild.id}/t/${number}`);
			return number;
		};
		const act = async (page: Page, button: string) => {
			await page.getByRole('button', { name: button, exact: true }).click();
			await page.waitForLoadState();
			return page.locator('.flash').innerText();
		};
		const botSaid = (channel: EChannel, start: string) =>
			discord.message(
				channel,
				(message) => message.authorId === discord.emulator.botId && message.content.startsWith(start),
				start
			);

		it('claims from the page: the ticket says so in Discord, and the timeline says it came from the dashboard', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await pageOf(staff, channel);
			expect(await act(staff, 'Claim')).toBe('@staff has claimed this ticket and will handle it.');
			await botSaid(channel, `<@${home.staff.id}> has claimed this ticket`);
			expect((await scenario.ticketRow(channel)).claimedById).toBe(home.staff.id);
			expect(await staff.locator('.timeline li').last().innerText()).toMatch(/Ticket claimed · staff \(from the dashboard\)$/);
			const entry = await scenario.db.prisma.auditEvent.findFirstOrThrow({
				where: { action: 'ticket.claimed' },
				orderBy: { id: 'desc' }
			});
			expect(JSON.parse(entry.details)).toEqual({ via: 'web' });
		}, 60_000);

		it('keeps notes for staff: on the page, never in the channel, and not on the opener’s page', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await pageOf(staff, channel);
			await staff.getByLabel('Note').fill('refund approved <b>internally</b>');
			expect(await act(staff, 'Add note')).toMatch(/^Note saved/);
			expect(await staff.locator('.notes li p').innerText()).toBe('refund approved <b>internally</b>');
			expect(discord.state.channelMessages(channel.id).some((message) => message.content.includes('refund approved'))).toBe(
				false
			);

			const alice = await browser.loginAs(home.alice);
			await pageOf(alice, channel);
			expect(await alice.getByRole('heading', { name: 'Internal notes' }).count()).toBe(0);
			expect(await alice.getByRole('heading', { name: 'Actions' }).count()).toBe(0);
			expect(await alice.locator('body').innerText()).not.toContain('refund approved');
		}, 60_000);

		it('adds and removes a member, and Discord lets them in and out', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await pageOf(staff, channel);
			await staff.getByLabel('Member (user ID)').fill(home.bob.id);
			expect(await act(staff, 'Add member')).toBe('@staff added @bob to this ticket.');
			expect(home.bob.can(channel, 'view')).toBe(true);
			await act(staff, 'Remove');
			expect(home.bob.can(channel, 'view')).toBe(false);
		}, 60_000);

		it('sets the priority and tags, closes with a reason and reopens, each shown in Discord', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await pageOf(staff, channel);
			await staff.getByLabel('Priority').selectOption('high');
			await act(staff, 'Set priority');
			expect((await scenario.ticketRow(channel)).priority).toBe('high');
			await staff.getByLabel('Tags').fill('refund, vip');
			await act(staff, 'Set tags');
			expect(JSON.parse((await scenario.ticketRow(channel)).tags)).toEqual(['refund', 'vip']);

			await staff.getByLabel('Reason').fill('solved on the web');
			expect(await act(staff, 'Close')).toMatch(/^Ticket closed by @staff\. Reason: solved on the web/);
			const closed = await botSaid(channel, `Ticket closed by <@${home.staff.id}>`);
			expect(closed.components).toHaveLength(1);
			expect(home.alice.can(channel, 'send')).toBe(false);
			expect(await scenario.timeline(channel)).toContain('ticket.closed');

			await act(staff, 'Reopen');
			expect(home.alice.can(channel, 'send')).toBe(true);
			expect((await scenario.ticketRow(channel)).status).toBe('open');
		}, 60_000);

		it('tells the truth when Discord refuses, and changes nothing', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			await pageOf(staff, channel);
			for (const method of ['PUT', 'PATCH', 'DELETE'])
				discord.emulator.limits.injectApiError(
					{ method, route: new RegExp(`^/channels/${channel.id}(/permissions/\\d+)?$`) },
					{ status: 403, code: 50013, message: 'Missing Permissions', count: 20 }
				);
			await staff.getByLabel('Reason').fill('will not happen');
			expect(await act(staff, 'Close')).toMatch(
				/^Discord refused: I need the Manage Permissions permission in #.+ Nothing was changed: try again once that is fixed\.$/
			);
			discord.emulator.limits.clearFaults();
			expect((await scenario.ticketRow(channel)).status).toBe('open');
			expect(home.alice.can(channel, 'send')).toBe(true);
			expect(await scenario.timeline(channel)).not.toContain('ticket.closed');
		}, 60_000);

		it('refuses the opener what only staff may do, in their words, and hides other tickets', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { channel: bobs } = await scenario.openTicket(home.bob);
			const alice = await browser.loginAs(home.alice);
			const number = await pageOf(alice, channel);
			// No claim button for her; a hand-made request with her own session and token is refused by the use case.
			const csrf = await alice.locator('input[name="_csrf"]').first().inputValue();
			const response = await alice.request.post(`${browser.url}/g/${home.guild.id}/t/${number}/claim`, {
				form: { _csrf: csrf },
				maxRedirects: 0
			});
			expect(response.status()).toBe(303);
			await alice.goto(`${browser.url}/g/${home.guild.id}/t/${number}`);
			expect(await alice.locator('.flash').innerText()).toBe("Only the staff of this ticket's category can do that.");
			expect((await scenario.ticketRow(channel)).claimedById).toBeNull();

			const forged = await alice.request.post(`${browser.url}/g/${home.guild.id}/t/${number}/claim`, {
				form: {},
				maxRedirects: 0
			});
			expect(forged.status()).toBe(403);
			const bobsNumber = (await scenario.ticketRow(bobs)).number;
			for (const path of [`t/${bobsNumber}`, 't/99999', 't/0012', `t/${number}/teleport`]) {
				const seen = await alice.goto(`${browser.url}/g/${home.guild.id}/${path}`);
				expect(seen?.status(), path).toBe(404);
			}
		}, 60_000);

		it('hands staff the transcript with the notes, the opener theirs without, as a sandboxed page', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			home.alice.say(channel, 'my order <b>never</b> came');
			await home.staff.slash(channel, ['ticket', 'note'], { text: 'secret-note-5150' });
			const number = await pageOf(staff, channel);
			await staff.getByRole('link', { name: 'Transcript' }).click();
			const staffCopy = await staff.locator('body').innerText();
			expect(staffCopy).toContain('my order <b>never</b> came');
			expect(staffCopy).toContain('secret-note-5150');
			const response = await staff.request.get(`${browser.url}/g/${home.guild.id}/t/${number}/transcript`);
			expect(response.headers()['content-security-policy']).toMatch(/^sandbox( allow-[a-z-]+)*; default-src 'none'/);
			expect(response.headers()['content-security-policy']).not.toMatch(/allow-scripts|allow-same-origin/);

			const alice = await browser.loginAs(home.alice);
			await pageOf(alice, channel);
			await alice.getByRole('link', { name: 'Transcript' }).click();
			const openerCopy = await alice.locator('body').innerText();
			expect(openerCopy).toContain('my order <b>never</b> came');
			expect(openerCopy).not.toContain('secret-note-5150');

			const bob = await browser.loginAs(home.bob);
			expect((await bob.goto(`${browser.url}/g/${home.guild.id}/t/${number}/transcript`))?.status()).toBe(404);

			// Closed: staff read the copy saved at close.
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' });
			await discord.eventually(async () => (await scenario.ticketRow(channel)).transcriptHtmlPath, 'the saved transcript');
			await staff.goto(`${browser.url}/g/${home.guild.id}/t/${number}/transcript`);
			expect(await staff.locator('body').innerText()).toContain('secret-note-5150');
		}, 60_000);

		it('finds tickets by the words of their messages, among those the reader may list', async () => {
			const { channel: fire } = await scenario.openTicket(home.alice);
			const { channel: fine } = await scenario.openTicket(home.bob);
			home.alice.say(fire, 'My PRINTER is on fire');
			home.bob.say(fine, 'printer works, thanks');
			const archived = (channel: EChannel, words: string) =>
				discord.eventually(
					async () =>
						scenario.db.prisma.ticketMessage.count({
							where: { ticketId: (await scenario.ticketRow(channel)).id, content: { contains: words } }
						}),
					`the archived “${words}”`
				);
			await Promise.all([archived(fire, 'fire'), archived(fine, 'works')]);
			const [fireNumber, fineNumber] = [(await scenario.ticketRow(fire)).number, (await scenario.ticketRow(fine)).number];
			const listed = async (page: Page) =>
				(await page.locator('tbody td:first-child').allInnerTexts()).map((text) => Number(text.slice(1)));

			await staff.goto(`${browser.url}/g/${home.guild.id}`);
			await staff.getByLabel('Search').fill('print fire');
			await staff.getByRole('button', { name: 'Filter' }).click();
			await staff.waitForLoadState();
			expect(await listed(staff)).toEqual([fireNumber]);
			expect(new URL(staff.url()).searchParams.get('q')).toBe('print fire');
			await staff.getByLabel('Search').fill('printer');
			await staff.getByRole('button', { name: 'Filter' }).click();
			await staff.waitForLoadState();
			expect(await listed(staff)).toEqual([fineNumber, fireNumber]);

			// Bob's ticket holds the word too, but the opener lists only her own.
			const alice = await browser.loginAs(home.alice);
			await alice.goto(`${browser.url}/g/${home.guild.id}?q=printer`);
			expect(await listed(alice)).toEqual([fireNumber]);
			await alice.goto(`${browser.url}/g/${home.guild.id}?q=${encodeURIComponent('"<script>alert(1)</script>')}`);
			expect(await alice.getByLabel('Search').inputValue()).toBe('"<script>alert(1)</script>');
			expect(await alice.locator('tbody tr').count()).toBe(0);
		}, 60_000);

		it('keeps a closed ticket’s attachments beside its transcript once Discord’s links expire', async () => {
			discord.emulator.attachmentTtlMs = 3_000;
			const { channel } = await scenario.openTicket(home.alice);
			const file = (name: string, text: string) => ({
				field: 'files[0]',
				filename: name,
				contentType: 'application/pdf',
				data: Buffer.from(text)
			});
			const kept = home.alice.say(channel, 'my receipt', [file('receipt.pdf', 'PDF-receipt')]);
			const removed = home.alice.say(channel, 'oops, wrong file', [file('private.pdf', 'PDF-private')]);
			await discord.eventually(
				async () => (await scenario.db.prisma.ticketMessage.count({ where: { messageId: { in: [kept.id, removed.id] } } })) === 2,
				'the archived uploads'
			);
			discord.world.deleteMessage(home.alice.user, removed);
			await discord.eventually(
				async () => (await scenario.db.prisma.ticketMessage.findFirst({ where: { messageId: removed.id } }))?.deletedAt,
				'the archived deletion'
			);
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' });
			await discord.eventually(async () => (await scenario.ticketRow(channel)).transcriptHtmlPath, 'the saved transcript');
			discord.emulator.attachmentTtlMs = 24 * 3_600_000;
			await new Promise((resolve) => setTimeout(resolve, 3_100));
			expect((await fetch(kept.attachments[0]!.url)).status).toBe(404);

			const number = await pageOf(staff, channel);
			await staff.getByRole('link', { name: 'Transcript' }).click();
			const receipt = staff.getByRole('link', { name: 'receipt.pdf' });
			const href = await receipt.getAttribute('href');
			expect(href).toMatch(/^attachments\/\d+-receipt\.pdf$/);
			const base = `${browser.url}/g/${home.guild.id}/t/${number}`;
			const download = await staff.request.get(`${base}/${href}`);
			expect(download.status()).toBe(200);
			expect(await download.text()).toBe('PDF-receipt');
			expect(download.headers()['content-disposition']).toMatch(/^attachment; /);
			expect(download.headers()['x-content-type-options']).toBe('nosniff');
			const privateHref = await staff.getByRole('link', { name: 'private.pdf' }).getAttribute('href');
			expect((await staff.request.get(`${base}/${privateHref}`)).status()).toBe(200);

			// The opener's copy links the copy too, but never one of a message that was deleted.
			const alice = await browser.loginAs(home.alice);
			await alice.goto(`${base}/transcript`);
			expect(await alice.getByRole('link', { name: 'receipt.pdf' }).getAttribute('href')).toBe(href);
			expect(await alice.getByRole('link', { name: 'private.pdf' }).count()).toBe(0);
			expect(await (await alice.request.get(`${base}/${href}`)).text()).toBe('PDF-receipt');
			expect((await alice.request.get(`${base}/${privateHref}`)).status()).toBe(404);
			const bob = await browser.loginAs(home.bob);
			expect((await bob.request.get(`${base}/${href}`)).status()).toBe(404);
			for (const path of ['attachments/..%2Ftranscript.html', 'attachments/index.json', 'attachments/1-nothing.pdf'])
				expect((await staff.request.get(`${base}/${path}`)).status(), path).toBe(404);
		}, 60_000);

		it('speaks the browser’s language', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const french = await browser.loginAs(home.staff, { locale: 'fr-FR' });
			await pageOf(french, channel);
			expect(await french.getByRole('heading', { name: 'Historique' }).isVisible()).toBe(true);
			expect(await act(french, 'Prendre en charge')).toBe('@staff a pris en charge ce ticket.');
			// What the ticket's people read stays in the server's language.
			await botSaid(channel, `<@${home.staff.id}> has claimed this ticket`);
		}, 60_000);
	});
}
