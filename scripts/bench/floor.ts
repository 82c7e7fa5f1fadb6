// npm run bench floor [-- --clicks N --guilds M --startup 1000,10000 --database sqlite|postgresql|both]
// (--clicks 0 skips the burst, --startup '' the start-up figures; --form gives the category a question,
// so the ticket bot's first answer is its form)
// The ticket bot against a bare discord.js bot that only acknowledges (scripts/bench/bareBot.mjs, same
// intents), both compiled JavaScript under plain node, each on a fresh emulator in this one run:
//   burst: N members across M guilds click a panel button at once; acknowledgement p50/p99 at the
//     emulator, and, for the ticket bot, when the last ticket channel shows its welcome against the floor
//     Discord's global cap allows (N tickets × 2 capped calls ÷ 50 per second);
//   start-up: time from spawn to ready and RSS once ready, with 1,000 and 10,000 guilds (the ticket bot
//     on an empty database, then restarted on the same one).
// Every figure is printed with its ratio to the bare bot, and the goals of the scale issue beside it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BOT_INTENTS } from '../../src/lib/setup/client.js';
import type { EInteraction, EMessage } from '../../test/emulator/state.js';
import { botEnvironment, startBot, type TestBot } from '../../test/harness/bot.js';
import { PROJECT_ROOT } from '../../test/harness/paths.js';
import { TestDiscord, type GuildFixture } from '../../test/harness/TestDiscord.js';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from '../../test/helpers/databases.js';

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: {
		clicks: { type: 'string', default: '200' },
		guilds: { type: 'string', default: '20' },
		startup: { type: 'string', default: '1000,10000' },
		database: { type: 'string', default: 'both' },
		form: { type: 'boolean', default: false },
		postgres: { type: 'string' }
	}
});
const CLICKS = Number(values.clicks);
/** --form: the category asks a question, so the ticket bot's first answer is the form (the ticket waits for it). */
const FORM = values.form;
const GUILDS = Number(values.guilds);
const STARTUP_SIZES = values.startup
	.split(',')
	.filter(Boolean)
	.map((size) => Number(size));
const POSTGRES = values.postgres ?? process.env.TEST_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/test';
const DATABASES: TestDatabase[] = [
	...(values.database !== 'postgresql' ? [sqliteDatabase()] : []),
	...(values.database !== 'sqlite' ? [postgresDatabase(POSTGRES)] : [])
];
/** Calls under Discord's global cap that make one ticket: the channel and its welcome message. */
const CAPPED_CALLS_PER_TICKET = 2;
const GLOBAL_CAP_PER_SECOND = 50;
const CONFIG = [
	'tickets: { maxOpenPerUser: 5, cooldownSeconds: 0, hourlyLimit: 1000 }',
	'security:',
	'  antiRaid: { joins: 10000 }',
	'categories:',
	'  - { key: quick, displayName: Quick question }',
	''
].join('\n');

const percentile = (sorted: readonly number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const sorted = (samples: readonly number[]) => [...samples].sort((a, b) => a - b);
const ratio = (value: number, floor: number) => `${(value / floor).toFixed(2)}×`;
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
	pid: number;
	ready: Promise<void>;
	kill(): Promise<unknown>;
}

function startBare(discord: TestDiscord, panels: boolean): Running {
	const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/bench/bareBot.mjs')], {
		cwd: PROJECT_ROOT,
		env: {
			...botEnvironment(discord.emulator, { databaseUrl: '' }),
			BARE_INTENTS: String(BOT_INTENTS.reduce((all, intent) => all | intent, 0)),
			BARE_PANELS: panels ? '1' : '0'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const ready = new Promise<void>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Bare bot ready')) resolve();
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		void exited.then(() => reject(new Error(`the bare bot exited:\n${output}`)));
	});
	ready.catch(() => undefined);
	return { pid: child.pid!, ready, kill: () => (child.kill('SIGKILL'), exited) };
}

function startTicketBot(discord: TestDiscord, databaseUrl: string, configPath: string): Running {
	const bot: TestBot = startBot(discord.emulator, { databaseUrl, configPath, compiled: PROJECT_ROOT });
	return { pid: bot.process.pid!, ready: bot.ready, kill: () => bot.kill() };
}

interface Burst {
	ack: number[];
	/** Burst start to each welcome message (the ticket bot only). */
	ready: number[];
	/** Calls under the global cap (the bot's token, not interaction replies) from the burst's start. */
	cappedCalls: number;
	/** Of those, the ones Discord answered 429. */
	limited: number;
}

/** One warm-up click per guild, then every member's click at once. */
async function burst(discord: TestDiscord, fixtures: GuildFixture[], panels: EMessage[], label: string): Promise<Burst> {
	for (const [index, fixture] of fixtures.entries())
		await discord.answer(discord.world.click(discord.join(fixture.guild, `warm-${index}`).user, panels[index]!, label), 60_000);
	const members = Array.from({ length: CLICKS }, (_, index) => ({
		guild: index % fixtures.length,
		user: discord.join(fixtures[index % fixtures.length]!.guild, `member-${index}`).user
	}));
	const started = Date.now();
	const clicks: EInteraction[] = members.map(({ guild, user }) => discord.world.click(user, panels[guild]!, label));
	const answers = await Promise.all(clicks.map((click) => discord.answer(click, 120_000)));
	const ready: number[] = [];
	for (const answer of answers) {
		const id = /<#(\d+)>/.exec(answer.content)?.[1];
		if (!id) continue;
		const welcome = await discord.message(
			discord.state.channel(id),
			(message) => message.authorId === discord.emulator.botId,
			'a welcome message',
			120_000
		);
		ready.push(welcome.createdAt - started);
	}
	return {
		ack: clicks.map((click) => click.respondedAt! - click.createdAt),
		ready,
		cappedCalls: discord.emulator.calls.filter((call) => call.at >= started && call.authenticated).length,
		limited: discord.emulator.calls.filter((call) => call.at >= started && call.authenticated && call.status === 429).length
	};
}

async function bareBurst(): Promise<Burst> {
	const discord = await TestDiscord.start();
	const fixtures = Array.from({ length: GUILDS }, (_, index) => discord.createGuild(`Floor ${index + 1}`));
	const bare = startBare(discord, true);
	try {
		await bare.ready;
		const panels = fixtures.map((fixture) => discord.botMessages(fixture.general).at(-1)!);
		return await burst(discord, fixtures, panels, 'Open a ticket');
	} finally {
		await bare.kill();
		await discord.stop();
	}
}

async function ticketBurst(database: TestDatabase, configPath: string): Promise<Burst> {
	const discord = await TestDiscord.start();
	const fixtures = Array.from({ length: GUILDS }, (_, index) => discord.createGuild(`Floor ${index + 1}`));
	const bot = startTicketBot(discord, await database.create(), configPath);
	try {
		await bot.ready;
		const panels: EMessage[] = [];
		for (const fixture of fixtures) {
			if (FORM) {
				await fixture.admin.slash(fixture.general, ['admin', 'category_upsert'], {
					key: 'quick',
					display_name: 'Quick question',
					questions: 'What happened? | paragraph | 5-500'
				});
			}
			panels.push(await discord.postPanel(fixture, 'floor', 'Floor'));
		}
		return await burst(discord, fixtures, panels, 'Open a ticket');
	} finally {
		await bot.kill();
		await discord.stop();
		await database.cleanup();
	}
}

/** Spawn to ready, and RSS a second after ready. */
async function startup(discord: TestDiscord, start: () => Running): Promise<{ readyMs: number; rss: number }> {
	const started = Date.now();
	const running = start();
	try {
		await running.ready;
		const readyMs = Date.now() - started;
		await settle(1_000);
		return { readyMs, rss: rssMiB(running.pid) };
	} finally {
		await running.kill();
	}
}

async function guildsOnly(count: number): Promise<TestDiscord> {
	const discord = await TestDiscord.start();
	for (let index = 0; index < count; index++) {
		discord.world.createGuild({ name: `Guild ${index + 1}`, owner: discord.world.createUser(`owner-${index}`) });
	}
	return discord;
}

const folder = mkdtempSync(join(tmpdir(), 'bench-floor-'));
const configPath = join(folder, 'config.yaml');
writeFileSync(configPath, CONFIG);
try {
	// The ticket bot runs compiled, as in production: built from the working tree first.
	const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
	if (built.status !== 0 || !existsSync(join(PROJECT_ROOT, 'dist/index.js'))) throw new Error('npm run build failed');
	console.log(
		`node ${process.version}; ${CLICKS} clicks across ${GUILDS} guilds; start-up with ${STARTUP_SIZES.join(', ')} guilds`
	);

	// --clicks 0: start-up figures alone.
	if (CLICKS > 0) {
		const bare = await bareBurst();
		const bareP50 = percentile(sorted(bare.ack), 50);
		const bareP99 = percentile(sorted(bare.ack), 99);
		console.log(`\nbare bot burst: ack p50 ${bareP50} ms, p99 ${bareP99} ms`);
		const floorMs = ((CLICKS * CAPPED_CALLS_PER_TICKET) / GLOBAL_CAP_PER_SECOND) * 1000;
		for (const database of DATABASES) {
			const result = await ticketBurst(database, configPath);
			const ack = sorted(result.ack);
			console.log(
				`ticket bot burst (${database.provider}): ${result.ready.length}/${CLICKS} tickets, ${(result.cappedCalls / CLICKS).toFixed(2)} capped calls per ticket, ${result.limited} answered 429`
			);
			console.log(
				`  ${FORM ? 'form shown' : 'ack'} p50 ${percentile(ack, 50)} ms (${ratio(percentile(ack, 50), bareP50)}), p99 ${percentile(ack, 99)} ms (${ratio(percentile(ack, 99), bareP99)}; goal ≤ 1.2×)`
			);
			if (FORM) continue;
			const last = Math.max(...result.ready);
			console.log(
				`  last ticket ready after ${last} ms; cap floor ${floorMs} ms (${CLICKS} × ${CAPPED_CALLS_PER_TICKET} calls ÷ ${GLOBAL_CAP_PER_SECOND}/s): ${ratio(last, floorMs)} (goal ≤ 1.1×)`
			);
		}
	}

	for (const size of STARTUP_SIZES) {
		const discord = await guildsOnly(size);
		try {
			const floor = await startup(discord, () => startBare(discord, false));
			console.log(`\nstart-up, ${size} guilds: bare bot ready in ${floor.readyMs} ms, RSS ${floor.rss.toFixed(0)} MiB`);
			for (const database of DATABASES) {
				const url = await database.create();
				for (const run of ['empty database', 'restart']) {
					const measured = await startup(discord, () => startTicketBot(discord, url, configPath));
					console.log(
						`  ticket bot (${database.provider}, ${run}): ready in ${measured.readyMs} ms (${ratio(measured.readyMs, floor.readyMs)}; goal ≤ 1.3×), RSS ${measured.rss.toFixed(0)} MiB (${ratio(measured.rss, floor.rss)}; goal ≤ 1.2×)`
					);
				}
				await database.cleanup();
			}
		} finally {
			await discord.stop();
		}
	}
} finally {
	rmSync(folder, { recursive: true, force: true });
}
