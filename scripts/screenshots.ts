// npm run screenshots: the dashboard's pages as the README shows them, taken in Debian's Chromium
// against the Discord emulator (nothing downloaded, no Discord account), into docs/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBot, type TestBot } from '../test/harness/bot.js';
import { DashboardBrowser, dashboardEnv, freePort } from '../test/harness/dashboard.js';
import { TestDiscord } from '../test/harness/TestDiscord.js';

const OUT = resolve('docs/screenshots');
const folder = mkdtempSync(join(tmpdir(), 'ticket-bot-screenshots-'));
let discord: TestDiscord | undefined;
let bot: TestBot | undefined;
let browser: DashboardBrowser | undefined;

try {
	mkdirSync(OUT, { recursive: true });
	discord = await TestDiscord.start();
	const home = discord.createGuild('Acme Support');
	const port = await freePort();
	bot = startBot(discord.emulator, {
		databaseUrl: `file:${join(folder, 'screenshots.db')}`,
		configPath: 'config/config.example.yaml',
		env: dashboardEnv(discord, port)
	});
	await bot.ready;
	await home.admin.slash(home.general, ['admin', 'category_upsert'], {
		key: 'desk',
		display_name: 'Help desk',
		staff_roles: `<@&${home.roles.staff.id}>`
	});
	const open = async (by: typeof home.alice) => {
		const answer = await by.slash(home.general, ['ticket', 'create'], { category: 'desk' });
		const id = /<#(\d+)>/.exec(answer.content)?.[1];
		if (!id) throw new Error(`${by.user.username} could not open a ticket: ${answer.content}`);
		return discord!.state.channel(id);
	};
	const first = await open(home.alice);
	const second = await open(home.bob);
	await home.staff.slash(first, ['ticket', 'claim']);
	await home.staff.slash(first, ['ticket', 'priority'], { level: 'high' });
	await home.staff.slash(first, ['ticket', 'note'], { text: 'Refund approved by billing; waiting for the bank.' });
	home.staff.say(second, 'Thanks, looking at it now.');
	await home.staff.slash(second, ['ticket', 'close'], { reason: 'Answered' });
	await home.bob.slash(second, ['ticket', 'feedback'], { stars: 5 });
	await discord.postPanel(home, 'support', 'Need help? Open a ticket', { description: 'Pick what it is about.' });

	browser = await DashboardBrowser.launch(discord, port);
	const guild = `/g/${home.guild.id}`;
	const shots: {
		name: string;
		path: string;
		colorScheme: 'light' | 'dark';
		width: number;
		height: number;
		as?: 'staff' | 'admin';
	}[] = [
		{ name: 'servers', path: '/', colorScheme: 'light', width: 1100, height: 500 },
		{ name: 'tickets', path: guild, colorScheme: 'light', width: 1100, height: 700 },
		{ name: 'ticket', path: `${guild}/t/1`, colorScheme: 'light', width: 1100, height: 1400 },
		{ name: 'ticket-dark-phone', path: `${guild}/t/1`, colorScheme: 'dark', width: 390, height: 1600 },
		{ name: 'analytics', path: `${guild}/analytics`, colorScheme: 'light', width: 1100, height: 1200 },
		{ name: 'audit', path: `${guild}/audit`, colorScheme: 'dark', width: 1100, height: 900, as: 'admin' },
		{ name: 'settings', path: `${guild}/settings`, colorScheme: 'light', width: 1100, height: 1800, as: 'admin' },
		{ name: 'integrations', path: `${guild}/integrations`, colorScheme: 'light', width: 1100, height: 900, as: 'admin' }
	];
	for (const shot of shots) {
		const page = await browser.loginAs(shot.as === 'admin' ? home.admin : home.staff);
		await page.emulateMedia({ colorScheme: shot.colorScheme });
		await page.setViewportSize({ width: shot.width, height: shot.height });
		await page.goto(`${browser.url}${shot.path}`);
		// The charts draw once Chart.js has run.
		if (shot.name === 'analytics') await page.waitForFunction('document.querySelectorAll("canvas").length === 2');
		const file = join(OUT, `${shot.name}.png`);
		await page.screenshot({ path: file, fullPage: true });
		console.log(`wrote ${file}`);
	}
} catch (error) {
	console.error('Screenshots failed:', error instanceof Error ? error.message : error);
	if (bot) console.error(bot.output());
	process.exitCode = 1;
} finally {
	await browser?.close();
	await bot?.kill();
	await discord?.stop();
	rmSync(folder, { recursive: true, force: true });
}
