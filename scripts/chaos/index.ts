// npm run chaos [-- options]: the real bot (a child process) against the emulator, with many members and
// staff working tickets in several guilds at once while the bot is SIGKILLed at random moments (some in
// the middle of creations and closes) and started again; Redis can be taken away for a while too. At the
// end, Discord's state is checked against the database and one line per figure is printed; the exit code
// is 1 when any figure that should be 0 is not.
//
//   --seed N         repeat a run (default: 1)
//   --ops N          operations in all (default: 1000)
//   --kills N        SIGKILLs (default: 20)
//   --guilds N       guilds (default: 10)
//   --workers N      members and staff acting at the same moment (default: 8)
//   --database D     sqlite (default) or postgresql (--postgres URL, TEST_DATABASE_URL, or 127.0.0.1)
//   --redis R        none (default), own (a redis-server on a free port, which the run may stop), or a URL
//   --redis-blip S   with --redis own: Redis is stopped for S seconds halfway through
//   --storm          Discord misbehaves every few seconds: 429s (global, per route), 5xx bursts, 5 s
//                    latency, gateway connections closed
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { connectDatabase } from '../../src/lib/database/client.js';
import { TestDiscord } from '../../test/harness/TestDiscord.js';
import { postgresDatabase, sqliteDatabase } from '../../test/helpers/databases.js';
import { startRedis } from '../../test/helpers/redisServer.js';
import { checkAll, explain } from './checks.js';
import { runOne, type OpContext, type Tally } from './operations.js';
import { Random } from './random.js';
import { startStorms } from './storms.js';
import { BotSupervisor } from './supervisor.js';
import { buildGuilds, CHAOS_CONFIG, REPAIR_AFTER_S } from './world.js';

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: {
		seed: { type: 'string', default: '1' },
		ops: { type: 'string', default: '1000' },
		kills: { type: 'string', default: '20' },
		guilds: { type: 'string', default: '10' },
		workers: { type: 'string', default: '8' },
		members: { type: 'string', default: '8' },
		database: { type: 'string', default: 'sqlite' },
		postgres: { type: 'string' },
		redis: { type: 'string', default: 'none' },
		'redis-blip': { type: 'string', default: '0' },
		storm: { type: 'boolean', default: false }
	}
});
const SEED = Number(values.seed);
const OPS = Number(values.ops);
const KILLS = Number(values.kills);
const WORKERS = Number(values.workers);
const BLIP_S = Number(values['redis-blip']);
if (BLIP_S > 0 && values.redis !== 'own') throw new Error('--redis-blip needs --redis own (the run stops its own Redis only)');

/** Work a kill left unfinished this long is repaired by the next sweep or start (config reliability.repairAfterSeconds). */
const REPAIR_AGE_MS = REPAIR_AFTER_S * 1000 + 1_000;

const random = new Random(SEED);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`[${elapsed()}] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const database =
	values.database === 'postgresql'
		? postgresDatabase(values.postgres ?? process.env.TEST_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/test')
		: sqliteDatabase();
const redis = values.redis === 'own' ? await startRedis() : null;
const redisUrl = redis?.url ?? (values.redis === 'none' ? undefined : values.redis);
const folder = mkdtempSync(join(tmpdir(), 'chaos-'));
const configPath = join(folder, 'config.yaml');
writeFileSync(
	configPath,
	`${CHAOS_CONFIG}\nstorage:\n  transcriptsDir: ${JSON.stringify(join(folder, 'transcripts'))}\n  backupsDir: ${JSON.stringify(join(folder, 'backups'))}\n`
);
const databaseUrl = await database.create();
const discord = await TestDiscord.start();
const bot = new BotSupervisor(discord.emulator, {
	databaseUrl,
	configPath,
	redisUrl,
	redisPrefix: redisUrl ? `chaos-${randomBytes(4).toString('hex')}` : undefined
});
let exitCode = 1;
try {
	say(
		`seed ${SEED}: ${OPS} operations, ${KILLS} kills, ${values.guilds} guilds, ${WORKERS} at once, ${database.provider}, Redis ${redis ? `own (${redis.url})` : (redisUrl ?? 'none')}`
	);
	await bot.start();
	const guilds = await buildGuilds(discord, Number(values.guilds), Number(values.members));
	const db = await connectDatabase(databaseUrl);
	say(`bot ready, ${guilds.length} guilds set up`);

	const tally: Tally = { ops: new Map(), openClicks: new Map(), scheduled: [] };
	// Kills spread over the run; every other one waits for a creation or a close to be under way.
	const killAt = Array.from({ length: KILLS }, () => Math.floor(OPS * (0.03 + 0.9 * random.next()))).sort((a, b) => a - b);
	let armed: 'now' | 'next' | null = null;
	let killing: Promise<void> | null = null;
	const kill = (delayMs: number) => {
		if (killing) return;
		armed = null;
		killing = (async () => {
			await sleep(delayMs);
			await bot.kill();
			say(`killed and restarted (${bot.kills}/${KILLS})`);
			killing = null;
		})();
	};
	const ctx: OpContext = {
		discord,
		db,
		bot,
		random,
		tally,
		sent: () => {
			if (armed === 'next') kill(random.int(400));
		}
	};
	let done = 0;
	let failures = 0;
	let blip: Promise<void> | null = null;
	const worker = async () => {
		while (done < OPS) {
			await bot.up;
			const index = done++;
			if (killAt.length && index >= killAt[0]!) {
				killAt.shift();
				if (random.chance(0.5)) {
					armed = null;
					kill(random.int(1_500));
				} else armed = 'next';
			}
			if (redis && BLIP_S > 0 && !blip && index >= OPS / 2) {
				blip = (async () => {
					say(`Redis stopped for ${BLIP_S} s`);
					await redis.stop();
					await sleep(BLIP_S * 1000);
					await redis.start();
					say('Redis back');
				})();
			}
			if (index > 0 && index % 100 === 0) say(`${index} operations`);
			await runOne(ctx, guilds).catch((error: unknown) => {
				failures++;
				if (failures <= 5) console.error(`operation failed in the driver: ${(error as Error).stack ?? String(error)}`);
			});
		}
	};
	const storms = values.storm ? startStorms(discord, random) : null;
	await Promise.all(Array.from({ length: WORKERS }, worker));
	storms?.stop();
	while (killing) await killing;
	if (bot.kills < KILLS) {
		// Kills left over (armed for a creation that never came): the last ones at once.
		for (let left = KILLS - bot.kills; left > 0; left--) await bot.kill();
	}
	await blip;
	await bot.up;
	say(`${done} operations done (${failures} failed in the driver), ${bot.kills} kills, ${bot.failedStarts} failed start(s)`);

	// Scheduled closes that are due run; creations left half-done become old enough to repair; a
	// graceful restart then runs the start-up repairs, and the run waits until the bot is quiet.
	const lastDue = Math.max(0, ...tally.scheduled.map((entry) => entry.at));
	const waitUntil = Math.max(lastDue + 5_000, Date.now() + REPAIR_AGE_MS);
	say(`waiting ${Math.round((waitUntil - Date.now()) / 1000)} s for due closes and repairable work`);
	await sleep(Math.max(0, waitUntil - Date.now()));
	const stopCode = await bot.stop();
	if (stopCode !== 0) say(`the bot stopped with code ${stopCode}`);
	await bot.start();
	await quiet(discord);
	say('bot restarted and quiet; checking');

	const figures = await checkAll(discord, db, guilds, tally, bot);
	const width = Math.max(...figures.map((entry) => entry.label.length));
	console.log('');
	for (const entry of figures) {
		console.log(`${entry.label.padEnd(width)}  ${entry.count}`);
		if (!entry.info) for (const example of entry.examples) console.log(`${' '.repeat(width)}    ${example}`);
	}
	const invalid = discord.emulator.invalidRequestCount();
	console.log(`${'invalid requests (401, 403, 429; not "shared")'.padEnd(width)}  ${invalid}`);
	console.log(`${'REST calls'.padEnd(width)}  ${discord.emulator.calls.length}`);
	console.log(`\noperations: ${[...tally.ops].map(([name, count]) => `${name} ${count}`).join(', ')}`);
	if (storms) console.log(`storms: ${[...storms.counts].map(([name, count]) => `${name} ${count}`).join(', ')}`);
	const bad = figures.filter((entry) => !entry.info && entry.count > 0);
	console.log(
		`\nchaos ${bad.length === 0 ? 'passed' : 'FAILED'}: seed ${SEED}, ${database.provider}${redisUrl ? ' + Redis' : ''}, ${done} operations, ${bot.kills} kills, ${figures[0]!.count} tickets, ${bad.length} non-zero count(s), ${elapsed()}`
	);
	if (bad.length > 0) {
		// Where to start looking: the first failing tickets' rows and timelines, and the bot's log.
		const ids = [...new Set(bad.flatMap((entry) => entry.examples.map((example) => /^ticket (\d+)/.exec(example)?.[1])))]
			.filter(Boolean)
			.slice(0, 6);
		for (const id of ids) console.log(`\n${await explain(discord, db, guilds, Number(id))}`);
	}
	const logFile = join(tmpdir(), `chaos-${SEED}-${database.provider}.log`);
	writeFileSync(logFile, bot.output());
	console.log(`\nthe bot's output: ${logFile}`);
	exitCode = bad.length === 0 && failures === 0 ? 0 : 1;
	await db.close();
} finally {
	await bot.stop().catch(() => undefined);
	await discord.stop();
	await database.cleanup();
	await redis?.stop();
	rmSync(folder, { recursive: true, force: true });
}
process.exit(exitCode);

/** Waits until the bot has made no REST call for 3 s (at most a minute). */
async function quiet(discord: TestDiscord): Promise<void> {
	let last = discord.emulator.calls.length;
	let since = Date.now();
	const deadline = Date.now() + 60_000;
	while (Date.now() - since < 3_000 && Date.now() < deadline) {
		await sleep(200);
		if (discord.emulator.calls.length !== last) {
			last = discord.emulator.calls.length;
			since = Date.now();
		}
	}
}
