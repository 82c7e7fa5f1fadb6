// npm run bench analytics [-- --tickets 10000,100000]: a guild with N tickets (a third answered, a fifth
// rated, over 90 days, 20 staff members), then the time and memory of each /analytics figure, on SQLite
// and on PostgreSQL (BENCH_POSTGRES_URL or TEST_DATABASE_URL, else 127.0.0.1 as root).
import { parseArgs } from 'node:util';
import { AnalyticsService } from '../../src/lib/analytics/AnalyticsService.js';
import { renderDailyChart } from '../../src/lib/analytics/chart.js';
import { TicketStatus } from '../../src/lib/model/status.js';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from '../../test/helpers/databases.js';
import { migratedStore } from '../../test/helpers/store.js';

const { values } = parseArgs({ args: process.argv.slice(2), options: { tickets: { type: 'string', default: '10000,100000' } } });
const SIZES = values.tickets.split(',').map(Number);
const POSTGRES = process.env.BENCH_POSTGRES_URL || process.env.TEST_DATABASE_URL || 'postgresql://root@127.0.0.1:5432/test';

const GUILD = '100000000000000001';
const DAY_MS = 86_400_000;
const staffId = (index: number) => String(200000000000000000n + BigInt(index % 20));
const memberId = (index: number) => String(300000000000000000n + BigInt(index % 5000));

async function measured<T>(fn: () => Promise<T>) {
	global.gc?.();
	const before = process.memoryUsage().rss;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	const started = performance.now();
	const result = await fn();
	const ms = performance.now() - started;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	return { result, ms, extraMiB: (peak - before) / 1024 / 1024 };
}

async function run(database: TestDatabase, size: number): Promise<void> {
	const { handle, store } = await migratedStore(database);
	try {
		const data = store.forGuild(GUILD);
		const category = await data.db.category.create({ data: { guildId: GUILD, key: 'general', displayName: 'General' } });
		const now = Date.now();
		const seeding = performance.now();
		for (let start = 0; start < size; start += 2000) {
			const rows = Array.from({ length: Math.min(2000, size - start) }, (_, offset) => {
				const index = start + offset;
				const createdAt = new Date(now - (index % 90) * DAY_MS - (index % 1440) * 60_000);
				const answered = index % 3 === 0;
				const closed = index % 2 === 0;
				return {
					guildId: GUILD,
					number: index + 1,
					categoryId: category.id,
					openerId: memberId(index),
					ownerId: memberId(index),
					status: closed ? TicketStatus.Closed : TicketStatus.Open,
					claimedById: answered ? staffId(index) : null,
					firstResponseAt: answered ? new Date(createdAt.getTime() + (index % 240) * 60_000) : null,
					firstResponderId: answered ? staffId(index) : null,
					closedAt: closed ? new Date(createdAt.getTime() + DAY_MS) : null,
					closedById: closed ? staffId(index) : null,
					closeReason: closed ? 'done' : null,
					createdAt
				};
			});
			await data.db.ticket.createMany({ data: rows });
		}
		const rated = await data.db.ticket.findMany({ where: { number: { lte: size } }, select: { id: true, number: true } });
		const feedback = rated.filter((ticket) => ticket.number % 5 === 0);
		for (let start = 0; start < feedback.length; start += 2000)
			await data.db.feedback.createMany({
				data: feedback.slice(start, start + 2000).map((ticket) => ({
					guildId: GUILD,
					ticketId: ticket.id,
					userId: memberId(ticket.number),
					stars: 1 + (ticket.number % 5)
				}))
			});
		console.log(`\n${database.provider}: ${size} tickets (seeded in ${Math.round(performance.now() - seeding)} ms)`);
		const analytics = new AnalyticsService();
		const figures: [string, () => Promise<unknown>][] = [
			['dashboard', () => analytics.dashboard(data)],
			['leaderboard', () => analytics.leaderboard(data)],
			['response_times', () => analytics.responseTimes(data)],
			['export (CSV)', () => analytics.exportCsv(data)],
			['graph (30 days, PNG)', async () => renderDailyChart(await analytics.dailyVolume(data, 30), 'Bench', 'none')]
		];
		for (const [name, figure] of figures) {
			await figure(); // warm-up: Prisma's first query of a shape compiles it
			const { ms, extraMiB, result } = await measured(figure);
			const size =
				typeof result === 'object' && result && 'csv' in result
					? `, ${((result as { csv: string }).csv.length / 1024 / 1024).toFixed(1)} MiB`
					: '';
			console.log(`  ${name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms, +${extraMiB.toFixed(0)} MiB RSS${size}`);
		}
	} finally {
		await handle.close();
		await database.cleanup();
	}
}

for (const database of [sqliteDatabase(), postgresDatabase(POSTGRES)]) for (const size of SIZES) await run(database, size);
