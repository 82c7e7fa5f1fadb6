import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Actor, TestDiscord } from './TestDiscord.js';

/** Debian's Chromium (apt-get install chromium): playwright-core drives it and downloads nothing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here; when not, they are skipped with one line saying why. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM && process.env.REQUIRE_CHROMIUM === '1')
	throw new Error(`REQUIRE_CHROMIUM=1 but there is no Chromium at ${CHROMIUM} (apt-get install chromium)`);
if (!HAS_CHROMIUM) console.warn(`dashboard browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

/** A port nobody listens on now, for the bot's dashboard (it must be known before the bot starts). */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** The bot's settings for a dashboard on `port`, logging in through the emulator's OAuth2. */
export function dashboardEnv(discord: TestDiscord, port: number): Record<string, string> {
	const url = `http://127.0.0.1:${port}`;
	discord.emulator.allowRedirect(`${url}/auth/callback`);
	return {
		WEB_PORT: String(port),
		PUBLIC_URL: url,
		DISCORD_CLIENT_SECRET: discord.emulator.clientSecret,
		SESSION_SECRET: randomBytes(32).toString('hex'),
		DISCORD_WEB_URL: discord.emulator.webUrl
	};
}

/** The dashboard starts once the bot has logged in; its first page may come a moment after "ready". */
export async function dashboardServing(url: string): Promise<void> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const ok = await fetch(url).then(
			(response) => response.ok,
			() => false
		);
		if (ok) return;
		if (Date.now() > deadline) throw new Error(`the dashboard did not answer at ${url}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** A real headless Chromium on the bot's dashboard: one browser, a fresh profile per member. */
export class DashboardBrowser {
	private constructor(
		public readonly url: string,
		private readonly discord: TestDiscord,
		private readonly browser: Browser
	) {}

	public static async launch(discord: TestDiscord, port: number): Promise<DashboardBrowser> {
		if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
		const dashboard = new DashboardBrowser(`http://127.0.0.1:${port}`, discord, browser);
		await dashboard.waitUntilServing();
		return dashboard;
	}

	private waitUntilServing(): Promise<void> {
		return dashboardServing(this.url);
	}

	/** A browser profile signed in to Discord (the emulator) as the member, not yet to the dashboard. */
	public async profile(actor?: Actor, options: { locale?: string } = {}): Promise<BrowserContext> {
		// The browser's language is what its Accept-Language says (en-US unless told).
		const context = await this.browser.newContext({ locale: options.locale ?? 'en-US' });
		if (actor) await context.addCookies([this.discord.emulator.browserCookie(actor.id)]);
		return context;
	}

	/** Logs in as a member the way a person does: the login button, Discord's Authorize, back on the servers page. */
	public async loginAs(actor: Actor, options: { locale?: string } = {}): Promise<Page> {
		const page = await (await this.profile(actor, options)).newPage();
		await page.goto(this.url);
		await page.locator('a[href="/login"]').click();
		await page.getByRole('button', { name: 'Authorize' }).click();
		await page.waitForURL(`${this.url}/`);
		return page;
	}

	public async close(): Promise<void> {
		await this.browser.close();
	}
}

/** The cookies a response sets, as name=value pairs. */
function setCookies(response: Response): string[] {
	return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

/**
 * Logs a member in to the dashboard without a browser, the way one would: the login redirect, Discord's
 * authorize form (the emulator's), the callback. Returns the Cookie header of the logged-in session.
 */
export async function loginWithoutBrowser(dashboardUrl: string, discord: TestDiscord, actor: Actor): Promise<string> {
	await dashboardServing(dashboardUrl);
	const start = await fetch(`${dashboardUrl}/login`, { redirect: 'manual' });
	const stateCookies = setCookies(start);
	const authorize = start.headers.get('location')!;
	const discordCookie = `discord_user=${actor.id}`;
	const page = await (await fetch(authorize, { headers: { cookie: discordCookie } })).text();
	const fields = new URLSearchParams();
	for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
		fields.set(
			match[1]!,
			match[2]!
				.replaceAll('&amp;', '&')
				.replaceAll('&quot;', '"')
				.replaceAll('&#39;', "'")
				.replaceAll('&lt;', '<')
				.replaceAll('&gt;', '>')
		);
	fields.set('decision', 'authorize');
	const approved = await fetch(new URL('/oauth2/authorize', discord.emulator.webUrl), {
		method: 'POST',
		headers: { cookie: discordCookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: fields,
		redirect: 'manual'
	});
	const callback = await fetch(approved.headers.get('location')!, {
		headers: { cookie: stateCookies.join('; ') },
		redirect: 'manual'
	});
	const session = setCookies(callback).find((cookie) => cookie.startsWith('ticketbot_session='));
	if (!session) throw new Error(`the dashboard did not log ${actor.user.username} in (${callback.status})`);
	return session;
}
