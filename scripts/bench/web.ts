// npm run bench web [-- --tickets 100000 --requests 200 --databases sqlite,postgresql]: the dashboard's server time for a guild with N
// tickets, on SQLite and on PostgreSQL (BENCH_POSTGRES_URL or TEST_DATABASE_URL, else 127.0.0.1 as root):
// the real bot serves it against the Discord emulator; each figure is the Server-Timing of N requests
// made one after another by a logged-in member, then the bot process's RSS.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataStore } from '../../src/lib/database/guildData.js';
import { connectDatabase } from '../../src/lib/database/client.js';
import { runMigrations } from '../../src/lib/database/runMigrations.js';
import { TicketStatus } from '../../src/lib/model/status.js';
import { startBot } from '../../test/harness/bot.js';
import { dashboardEnv, freePort, loginWithoutBrowser } from '../../test/harness/dashboard.js';
import { TestDiscord } from '../../test/harness/TestDiscord.js';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from '../../test/helpers/databases.js';

const { values } = parseArgs({
	args: process.argv.slice(2),
	options: {
		tickets: { type: 'string', default: '100000' },
		requests: { type: 'string', default: '200' },
		databases: { type: 'string', default: 'sqlite,postgresql' }
	}
});
const TICKETS = Number(values.tickets);
const REQUESTS = Number(values.requests);
const POSTGRES = process.env.BENCH_POSTGRES_URL || process.env.TEST_DATABASE_URL || 'postgresql://root@127.0.0.1:5432/test';
const DAY_MS = 86_400_000;
const MESSAGES_PER_TICKET = 3;

// Messages of eight words drawn from 400: a word is in about 2% of messages, two words together in few.
const VOCABULARY = Array.from({ length: 400 }, (_, index) => `word${index.toString(36)}`);
function sentence(seed: number): string {
	let state = Math.imul(seed, 2_654_435_761) >>> 0;
	return Array.from({ length: 8 }, () => {
		state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
		return VOCABULARY[(state >>> 8) % VOCABULARY.length];
	}).join(' ');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function run(database: TestDatabase): Promise<void> {
	const discord = await TestDiscord.start();
	const home = discord.createGuild('Bench');
	const url = await database.create();
	await runMigrations(url);
	const handle = await connectDatabase(url);
	const port = await freePort();
	// Started once the data is in: seeding holds this process, where the emulator answers the bot.
	let bot: ReturnType<typeof startBot> | undefined;
	try {
		const data = new DataStore(handle.prisma, handle.provider).forGuild(home.guild.id);
		const category = await data.db.category.create({
			data: {
				guildId: home.guild.id,
				key: 'general',
				displayName: 'General',
				staffRoleIds: JSON.stringify([home.roles.staff.id])
			}
		});
		const now = Date.now();
		const seeding = performance.now();
		const opener = (index: number) => (index % 100 === 0 ? home.alice.id : String(300000000000000000n + BigInt(index % 5000)));
		for (let start = 0; start < TICKETS; start += 2000) {
			const rows = Array.from({ length: Math.min(2000, TICKETS - start) }, (_, offset) => {
				const index = start + offset;
				const closed = index % 2 === 0;
				const createdAt = new Date(now - (index % 365) * DAY_MS - (index % 1440) * 60_000);
				return {
					guildId: home.guild.id,
					number: index + 1,
					categoryId: category.id,
					openerId: opener(index),
					ownerId: opener(index),
					status: closed ? TicketStatus.Closed : TicketStatus.Open,
					priority: ['low', 'normal', 'high'][index % 3]!,
					// Not a multiple of the priorities' 3: every filter combination has tickets, as in a real guild.
					claimedById: index % 7 === 0 ? home.staff.id : null,
					closedAt: closed ? new Date(createdAt.getTime() + DAY_MS) : null,
					answers: JSON.stringify([{ question: 'What happened?', answer: `Order ${index} never arrived` }]),
					answersText: `Order ${index} never arrived`,
					createdAt
				};
			});
			await data.db.ticket.createMany({ data: rows });
			const ids = await data.db.ticket.findMany({
				where: { number: { gt: start, lte: start + rows.length } },
				select: { id: true, number: true, openerId: true, createdAt: true }
			});
			await data.db.ticketMessage.createMany({
				data: ids.flatMap((ticket) =>
					Array.from({ length: MESSAGES_PER_TICKET }, (_, index) => ({
						guildId: home.guild.id,
						ticketId: ticket.id,
						messageId: String(BigInt(ticket.id) * 100n + BigInt(index)),
						authorId: index % 2 === 0 ? ticket.openerId : home.staff.id,
						authorName: index % 2 === 0 ? 'Member' : 'Staff',
						authorUsername: index % 2 === 0 ? 'member' : 'staff',
						content: sentence(ticket.number * MESSAGES_PER_TICKET + index),
						createdAt: new Date(ticket.createdAt.getTime() + index * 60_000)
					}))
				)
			});
		}
		// A database that grew to this size has planner statistics and merged index entries (autovacuum, or
		// SQLite's optimize): measured straight after a bulk insert, the plans would be those of an empty table
		// and every search would scan the full-text indexes' pending entries.
		await handle.prisma.$executeRawUnsafe(handle.provider === 'postgresql' ? 'VACUUM ANALYZE' : 'ANALYZE');
		const seededMs = Math.round(performance.now() - seeding);
		// One client makes every request: the per-address limit is raised so that it measures, not refuses.
		const configPath = join(mkdtempSync(join(tmpdir(), 'bench-config-')), 'config.yaml');
		writeFileSync(configPath, 'web:\n  requestsPerMinute: 100000\n');
		bot = startBot(discord.emulator, { databaseUrl: url, configPath, env: dashboardEnv(discord, port) });
		await bot.ready;
		const dashboard = `http://127.0.0.1:${port}`;
		console.log(
			`\n${database.provider}: ${TICKETS} tickets and ${TICKETS * MESSAGES_PER_TICKET} messages (seeded in ${seededMs} ms), ${REQUESTS} requests each`
		);
		const staff = await loginWithoutBrowser(dashboard, discord, home.staff);
		const alice = await loginWithoutBrowser(dashboard, discord, home.alice);
		const guild = `/g/${home.guild.id}`;
		const figures: [string, string, (index: number) => string][] = [
			['list, first page (staff)', staff, () => guild],
			['list, page 1,000, the last (staff)', staff, () => `${guild}?page=1000`],
			['list, filtered (staff)', staff, () => `${guild}?status=open&priority=high&claimer=me`],
			['list, own tickets (member)', alice, () => guild],
			['search, one answer (staff)', staff, (index) => `${guild}?q=order+${1 + ((Math.abs(index) * 7919) % TICKETS)}`],
			['search, common word (staff)', staff, (index) => `${guild}?q=${VOCABULARY[Math.abs(index) % VOCABULARY.length]}`],
			[
				'search, two words (staff)',
				staff,
				(index) => `${guild}?q=${VOCABULARY[Math.abs(index) % 400]}+${VOCABULARY[(Math.abs(index) * 7) % 400]}`
			],
			['search, own tickets (member)', alice, (index) => `${guild}?q=${VOCABULARY[Math.abs(index) % VOCABULARY.length]}`],
			['ticket page (staff)', staff, (index) => `${guild}/t/${1 + ((Math.abs(index) * 7919) % TICKETS)}`]
		];
		for (const [name, cookie, path] of figures) {
			const times: number[] = [];
			for (let index = -5; index < REQUESTS; index++) {
				const response = await fetch(`${dashboard}${path(index)}`, { headers: { cookie } });
				await response.arrayBuffer();
				if (response.status !== 200) throw new Error(`${name}: ${response.status} for ${path(index)}`);
				// The first few warm the query plans and caches.
				if (index >= 0) times.push(Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]));
			}
			times.sort((a, b) => a - b);
			console.log(
				`  ${name.padEnd(30)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms`
			);
		}
		console.log(`  bot process RSS              ${rssMiB(bot.process.pid!).toFixed(0)} MiB`);
	} finally {
		await bot?.kill();
		await handle.close();
		await discord.stop();
		await database.cleanup();
	}
}

const DATABASES = { sqlite: sqliteDatabase, postgresql: () => postgresDatabase(POSTGRES) };
for (const name of values.databases.split(',')) {
	const database = DATABASES[name.trim() as keyof typeof DATABASES];
	if (!database) throw new Error(`--databases: ${name} is neither sqlite nor postgresql`);
	await run(database());
}
