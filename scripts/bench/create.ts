// npm run bench create [-- --tickets N --guilds M]: N members across M guilds click a panel button at
// the same moment; prints, per database, the acknowledgement latency measured at the emulator, the time
// until each ticket channel shows its welcome message, and the bot's peak memory.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { EInteraction, EMessage } from '../../test/emulator/state.js';
import { startBot } from '../../test/harness/bot.js';
import { TestDiscord } from '../../test/harness/TestDiscord.js';

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: { tickets: { type: 'string', default: '200' }, guilds: { type: 'string', default: '4' }, postgres: { type: 'string' } }
});
const TICKETS = Number(values.tickets);
const GUILDS = Number(values.guilds);
const POSTGRES = values.postgres ?? process.env.BENCH_POSTGRES_URL ?? 'postgresql://root@127.0.0.1:5432/test';

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const summary = (samples: number[]) => {
	const sorted = [...samples].sort((a, b) => a - b);
	return `p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms`;
};

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
	const name = `ticketbot_bench_${Date.now()}`;
	const admin = new pg.Client({ connectionString: POSTGRES });
	try {
		await admin.connect();
		await admin.query(`CREATE DATABASE "${name}"`);
	} catch (error) {
		console.log(`PostgreSQL at ${POSTGRES} not available (${(error as Error).message}); skipping it`);
		await admin.end().catch(() => undefined);
		return null;
	}
	await admin.end();
	const url = new URL(POSTGRES);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			const client = new pg.Client({ connectionString: POSTGRES });
			await client.connect();
			await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await client.end();
		}
	};
}

async function run(label: string, databaseUrl: string): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'bench-create-'));
	const configPath = join(folder, 'config.yaml');
	writeFileSync(
		configPath,
		// Hundreds of members join at once: the anti-raid detector would (rightly) pause ticket creation.
		'tickets: { maxOpenPerUser: 5, cooldownSeconds: 0, hourlyLimit: 100 }\nsecurity:\n  antiRaid: { joins: 10000 }\ncategories:\n  - { key: quick, displayName: Quick question }\n'
	);
	const discord = await TestDiscord.start();
	const guilds = Array.from({ length: GUILDS }, (_, index) => discord.createGuild(`Bench ${index + 1}`));
	const bot = startBot(discord.emulator, { databaseUrl, configPath });
	try {
		await bot.ready;
		const panels: EMessage[] = [];
		for (const guild of guilds) panels.push(await discord.postPanel(guild, 'bench', 'Bench'));
		// One ticket per guild first, so the burst meets a warm bot (code paths compiled, caches filled).
		for (const [index, guild] of guilds.entries())
			await discord.join(guild.guild, `warm-up-${index}`).click(panels[index]!, 'Open a ticket');
		const members = Array.from({ length: TICKETS }, (_, index) => ({
			guild: index % GUILDS,
			actor: discord.join(guilds[index % GUILDS]!.guild, `user-${index}`)
		}));
		const started = Date.now();
		const interactions: EInteraction[] = members.map(({ guild, actor }) =>
			discord.world.click(actor.user, panels[guild]!, 'Open a ticket')
		);
		const answers = await Promise.all(interactions.map((interaction) => discord.answer(interaction, 120_000)));
		const elapsed = Date.now() - started;
		const opened = answers.filter((answer) => /^Your ticket #\d+ is open/.test(answer.content));
		const ready: number[] = [];
		for (const answer of opened) {
			const channel = discord.state.channel(/<#(\d+)>/.exec(answer.content)![1]!);
			const welcome = await discord.message(channel, (message) => message.authorId === discord.emulator.botId, 'welcome', 60_000);
			ready.push(welcome.createdAt - answer.interaction.createdAt);
		}
		const status = readFileSync(`/proc/${bot.process.pid}/status`, 'utf8');
		const peakRss = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
		console.log(`\n${label}: ${TICKETS} simultaneous openings across ${GUILDS} guilds (after one warm-up ticket per guild)`);
		console.log(
			`  opened ${opened.length}/${TICKETS} in ${elapsed} ms (${Math.round((opened.length / elapsed) * 1000)} tickets/s)`
		);
		console.log(
			`  acknowledgement (interaction to first response, at the emulator): ${summary(interactions.map((interaction) => interaction.respondedAt! - interaction.createdAt))}`
		);
		console.log(`  ready ticket channel (interaction to welcome message): ${summary(ready)}`);
		console.log(`  bot peak RSS: ${peakRss.toFixed(1)} MiB`);
		console.log(
			`  REST calls: ${discord.emulator.calls.length}, 429s: ${discord.emulator.calls.filter((call) => call.status === 429).length}`
		);
	} finally {
		await bot.kill();
		await discord.stop();
		rmSync(folder, { recursive: true, force: true });
	}
}

const sqliteFolder = mkdtempSync(join(tmpdir(), 'bench-sqlite-'));
try {
	await run('SQLite', `file:${join(sqliteFolder, 'bench.db')}`);
} finally {
	rmSync(sqliteFolder, { recursive: true, force: true });
}
const postgres = await postgresDatabase();
if (postgres) {
	try {
		await run('PostgreSQL', postgres.url);
	} finally {
		await postgres.drop();
	}
}
