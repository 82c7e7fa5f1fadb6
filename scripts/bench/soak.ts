// npm run bench soak [-- --events 100000 --rate 100 --guilds 10 --database sqlite|postgresql]: the real bot
// under a long stream of gateway events, `rate` a second (messages in open tickets 80 %, members joining 10 %, /ticket info 10 %);
// prints the bot's RSS along the way and its slope (MiB per 10,000 events, after a warm-up), the event
// loop's delay (p50, p99, max, from the bot's health endpoint), and what was archived and answered.
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectDatabase } from '../../src/lib/database/client.js';
import type { EChannel, EInteraction } from '../../test/emulator/state.js';
import { startBot } from '../../test/harness/bot.js';
import { TestDiscord, type Actor } from '../../test/harness/TestDiscord.js';
import { postgresDatabase, sqliteDatabase } from '../../test/helpers/databases.js';
import { freePort } from '../../test/helpers/redisServer.js';
import { buildGuilds, CHAOS_CONFIG, QUICK } from '../chaos/world.js';

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: {
		events: { type: 'string', default: '100000' },
		guilds: { type: 'string', default: '10' },
		tickets: { type: 'string', default: '5' },
		rate: { type: 'string', default: '100' },
		database: { type: 'string', default: 'sqlite' },
		postgres: { type: 'string' }
	}
});
const EVENTS = Number(values.events);
const SAMPLE_EVERY = Math.max(1_000, Math.round(EVENTS / 20));
const RATE = Number(values.rate);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
	const n = points.length;
	const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
	const my = points.reduce((sum, p) => sum + p.y, 0) / n;
	const num = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
	const den = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
	return den === 0 ? 0 : num / den;
}

const database =
	values.database === 'postgresql'
		? postgresDatabase(values.postgres ?? process.env.TEST_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/test')
		: sqliteDatabase();
const folder = mkdtempSync(join(tmpdir(), 'bench-soak-'));
const configPath = join(folder, 'config.yaml');
writeFileSync(configPath, `${CHAOS_CONFIG}\nstorage:\n  transcriptsDir: ${JSON.stringify(join(folder, 'transcripts'))}\n`);
const databaseUrl = await database.create();
const healthPort = await freePort();
const discord = await TestDiscord.start();
const bot = startBot(discord.emulator, { databaseUrl, configPath, env: { HEALTH_PORT: String(healthPort) } });
const health = async () =>
	(await (await fetch(`http://127.0.0.1:${healthPort}/health`)).json()) as {
		rssMiB: number;
		eventLoopDelayMs: { p50: number; p99: number; max: number };
	};
try {
	await bot.ready;
	const pid = bot.process.pid!;
	const guilds = await buildGuilds(discord, Number(values.guilds), 8);
	const db = await connectDatabase(databaseUrl);
	// Open tickets to talk in: each guild's first members open one each.
	const tickets: { channel: EChannel; opener: Actor; staff: Actor }[] = [];
	for (const guild of guilds)
		for (const opener of guild.members.slice(0, Number(values.tickets))) {
			const answer = await opener.click(guild.panel, QUICK);
			const id = /<#(\d+)>/.exec(answer.content)?.[1];
			if (!id) throw new Error(`could not open a ticket: ${answer.content}`);
			const channel = discord.state.channel(id);
			await discord.message(channel, (message) => message.authorId === discord.emulator.botId, 'the welcome');
			tickets.push({ channel, opener, staff: guild.staff[0]! });
		}
	console.log(`${tickets.length} open tickets in ${guilds.length} guilds; ${EVENTS} events at ${RATE}/s`);
	const archivedBefore = await db.prisma.ticketMessage.count();
	const samples: { x: number; y: number }[] = [];
	const pending: EInteraction[] = [];
	let messages = 0;
	let joins = 0;
	let interactions = 0;
	const started = Date.now();
	for (let event = 0; event < EVENTS; event++) {
		const ticket = tickets[event % tickets.length]!;
		const kind = event % 20;
		if (kind < 16) {
			ticket.opener.say(ticket.channel, `soak message ${event} with some words, a link https://example.com and an emoji 🎫`);
			messages++;
		} else if (kind < 18) {
			discord.join(guilds[event % guilds.length]!.home.guild, `soak-${event}`);
			joins++;
		} else {
			pending.push(discord.world.slash(ticket.staff.user, ticket.channel, ['ticket', 'info']));
			interactions++;
		}
		// `--rate` events a second, spread as members would spread them, not dumped in one tick.
		const due = started + ((event + 1) * 1000) / RATE;
		if (due > Date.now()) await sleep(due - Date.now());
		if ((event + 1) % SAMPLE_EVERY === 0) {
			samples.push({ x: event + 1, y: rssOf(pid) });
			console.log(`  ${event + 1} events: RSS ${samples.at(-1)!.y.toFixed(1)} MiB`);
		}
	}
	const seconds = (Date.now() - started) / 1000;
	// What the bot still had to do when the last event went: how long until everything is archived.
	const drained = Date.now();
	while (Date.now() - drained < 60_000 && (await db.prisma.ticketMessage.count()) - archivedBefore < messages) await sleep(100);
	const behindSeconds = (Date.now() - drained) / 1000;
	const archived = (await db.prisma.ticketMessage.count()) - archivedBefore;
	const answered = pending.filter((interaction) => interaction.responseType !== null).length;
	const report = await health();
	const steady = samples.filter((sample) => sample.x > EVENTS * 0.2);
	console.log(`\n${database.provider}: ${EVENTS} events in ${seconds.toFixed(1)} s (${Math.round(EVENTS / seconds)} events/s)`);
	console.log(
		`  messages ${messages} (archived ${archived}, the last ${behindSeconds.toFixed(1)} s after the last event), joins ${joins}, /ticket info ${interactions} (answered ${answered}, never ${interactions - answered})`
	);
	console.log(
		`  RSS ${samples[0]?.y.toFixed(1)} MiB at ${samples[0]?.x} events, ${samples.at(-1)?.y.toFixed(1)} MiB at the end; slope after the first 20 %: ${(slope(steady) * 10_000).toFixed(2)} MiB per 10,000 events`
	);
	console.log(
		`  event-loop delay over the bot's life: p50 ${report.eventLoopDelayMs.p50} ms, p99 ${report.eventLoopDelayMs.p99} ms, max ${report.eventLoopDelayMs.max} ms`
	);
	await db.close();
} finally {
	await bot.kill();
	await discord.stop();
	await database.cleanup();
	rmSync(folder, { recursive: true, force: true });
}
