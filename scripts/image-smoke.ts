// The run stage of the image, started as its CMD starts it (node dist/index.js, NODE_ENV=production,
// SQLite in data/, JSON logs in logs/, the health check on): a ticket is opened and closed with its
// transcript, the PNG chart is drawn (native canvas from production dependencies), and the bot stops
// cleanly on SIGTERM. Run by scripts/image-check.sh with the folder it assembled.
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startBot } from '../test/harness/bot.js';
import { TestDiscord } from '../test/harness/TestDiscord.js';

const app = process.argv[2];
if (!app || !existsSync(join(app, 'dist', 'index.js'))) {
	console.error('usage: image-smoke.ts <folder with dist/index.js>');
	process.exit(2);
}

const check = (ok: boolean, what: string) => {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) process.exitCode = 1;
};

const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

const filesUnder = (folder: string): string[] =>
	existsSync(folder)
		? readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
				entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]
			)
		: [];

const discord = await TestDiscord.start();
const home = discord.createGuild('Image Check');
const healthPort = await freePort();
const bot = startBot(discord.emulator, {
	compiled: app,
	databaseUrl: `file:${join(app, 'data', 'ticket-bot.db')}`,
	// No config.yaml in the image: the built-in defaults, as a first `docker run` has.
	configPath: 'config/config.yaml',
	env: { NODE_ENV: 'production', HEALTH_PORT: String(healthPort), LOG_DIR: join(app, 'logs'), LOG_FILES: 'true' }
});
try {
	await bot.ready;
	const health = await fetch(`http://127.0.0.1:${healthPort}/health`);
	check(health.status === 200, `GET /health answers ${health.status}`);

	await home.admin.slash(home.general, ['admin', 'category_upsert'], { key: 'help', display_name: 'Help' });
	const opened = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'help' });
	check(/^Your ticket #1 is open/.test(opened.content), `a member opens a ticket: "${opened.content.split('\n')[0]}"`);
	const channel = discord.state.channel(/<#(\d+)>/.exec(opened.content)?.[1] ?? '');
	check(Boolean(channel), 'its channel exists');
	if (channel) {
		await home.alice.say(channel, 'My order never arrived.');
		const closed = await home.admin.slash(channel, ['ticket', 'close'], { reason: 'solved' });
		check(/closed/i.test(closed.content), `staff close it: "${closed.content.split('\n')[0]}"`);
		await discord.waitFor(
			() => filesUnder(join(app, 'data', 'transcripts')).some((file) => file.endsWith('transcript.html')),
			'the transcript files in data/transcripts',
			30_000
		);
		check(true, 'the transcript is written under data/transcripts');
	}
	const graph = await home.admin.slash(home.general, ['analytics', 'graph']);
	const png = graph.message?.attachments.find((attachment) => attachment.filename.endsWith('.png'));
	check(Boolean(png), 'the daily volume chart is drawn as a PNG');
	check(
		filesUnder(join(app, 'logs')).some((file) => file.endsWith('.log') || file.endsWith('.json')),
		'JSON log files are written to logs/'
	);
} catch (error) {
	check(false, (error as Error).message);
	console.log(bot.output());
} finally {
	const code = await bot.stop();
	check(code === 0, `SIGTERM stops the bot cleanly (exit ${code})`);
	await discord.stop();
}
