import type { GuildData } from '../database/guildData.js';
import { readList } from '../database/json.js';
import { TicketStatus } from '../model/status.js';
import { yieldToEventLoop } from '../lifecycle/eventLoop.js';
import { csvCell, dailyCounts, summarize, type Summary } from './stats.js';

/** Tickets the analytics count: not soft-deleted, past creation. Hard-deleted ones stay, as anonymous metrics. */
const COUNTED = { softDeletedAt: null, status: { not: TicketStatus.Creating } };
const ANSWERED = { ...COUNTED, firstResponseAt: { not: null } };
const DAY_MS = 86_400_000;

const responseMs = (ticket: { createdAt: Date; firstResponseAt: Date | null }) =>
	ticket.firstResponseAt!.getTime() - ticket.createdAt.getTime();

/** Rows the CSV export reads at a time: memory stays at one page of rows plus the text written so far. */
const EXPORT_PAGE = 5000;

/** One page of every column the CSV export shows, after the ticket with this number (by number). */
async function exportPage(data: GuildData, afterNumber: number) {
	return data.db.ticket.findMany({
		where: { ...COUNTED, number: { gt: afterNumber } },
		select: {
			number: true,
			status: true,
			categoryId: true,
			priority: true,
			tags: true,
			anonymous: true,
			openerId: true,
			ownerId: true,
			claimedById: true,
			closedById: true,
			createdAt: true,
			firstResponseAt: true,
			firstResponderId: true,
			closedAt: true,
			closeReason: true,
			feedback: { select: { stars: true } }
		},
		orderBy: { number: 'asc' },
		take: EXPORT_PAGE
	});
}

export interface CategoryVolume {
	name: string;
	total: number;
	open: number;
}

export interface Dashboard {
	total: number;
	open: number;
	closed: number;
	openedLastDay: number;
	categories: CategoryVolume[];
	firstResponse: Summary | null;
	rating: { average: number; count: number } | null;
	daily: { day: string; count: number }[];
}

export interface StaffStanding {
	staffId: string;
	handled: number;
	answers: number;
	firstResponse: Summary | null;
	rating: { average: number; count: number } | null;
	warnings: number;
}

/** Tickets with an SLA that is decided (met, or missed) and how many missed it. */
export interface SlaRate {
	missed: number;
	total: number;
}

export interface SlaBreaches {
	categories: { name: string; response: SlaRate; resolution: SlaRate }[];
	/** Per staff member who handled the tickets (claimed, else first answered): any SLA missed. */
	staff: { staffId: string; rate: SlaRate }[];
}

/** Whether an SLA was missed: null while it is still running (not done, not yet due). */
function missed(dueAt: Date | null, doneAt: Date | null, now: Date): boolean | null {
	if (!dueAt) return null;
	if (doneAt) return doneAt > dueAt;
	return now > dueAt ? true : null;
}

function count(rate: SlaRate, result: boolean | null): void {
	if (result === null) return;
	rate.total++;
	if (result) rate.missed++;
}

export interface ResponseTimes {
	categories: { name: string; summary: Summary }[];
	staff: { staffId: string; summary: Summary }[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function averageOf(stars: readonly number[]): { average: number; count: number } | null {
	return stars.length ? { average: stars.reduce((sum, value) => sum + value, 0) / stars.length, count: stars.length } : null;
}

/**
 * A guild's ticket analytics, computed from the database on request (nothing is kept in memory between
 * requests, so several processes agree). Each figure reads only the columns it needs; counts are grouped
 * in the database. Anonymous tickets count in every number but never name the opener.
 */
export class AnalyticsService {
	private async categoryNames(data: GuildData): Promise<Map<number, string>> {
		const categories = await data.db.category.findMany({ select: { id: true, displayName: true } });
		return new Map(categories.map((category) => [category.id, category.displayName]));
	}

	public async dashboard(data: GuildData, now = new Date(), days = 14): Promise<Dashboard> {
		const since = new Date(now.getTime() - days * DAY_MS);
		const [groups, openedLastDay, answered, rating, recent, names] = await Promise.all([
			data.db.ticket.groupBy({ by: ['categoryId', 'status'], where: COUNTED, _count: { _all: true } }),
			data.db.ticket.count({ where: { ...COUNTED, createdAt: { gte: new Date(now.getTime() - DAY_MS) } } }),
			data.db.ticket.findMany({ where: ANSWERED, select: { createdAt: true, firstResponseAt: true } }),
			data.db.feedback.aggregate({ where: { ticket: { softDeletedAt: null } }, _avg: { stars: true }, _count: { _all: true } }),
			data.db.ticket.findMany({ where: { ...COUNTED, createdAt: { gte: since } }, select: { createdAt: true } }),
			this.categoryNames(data)
		]);
		const byCategory = new Map<string, CategoryVolume>();
		let total = 0;
		let open = 0;
		for (const group of groups) {
			const name = group.categoryId ? (names.get(group.categoryId) ?? '—') : '—';
			const entry = byCategory.get(name) ?? { name, total: 0, open: 0 };
			const count = group._count._all;
			entry.total += count;
			total += count;
			if (group.status !== TicketStatus.Closed) {
				entry.open += count;
				open += count;
			}
			byCategory.set(name, entry);
		}
		return {
			total,
			open,
			closed: total - open,
			openedLastDay,
			categories: [...byCategory.values()].sort((a, b) => b.total - a.total),
			firstResponse: summarize(answered.map(responseMs)),
			rating: rating._count._all ? { average: rating._avg.stars ?? 0, count: rating._count._all } : null,
			daily: dailyCounts(
				recent.map((ticket) => ticket.createdAt),
				days,
				now
			)
		};
	}

	/** Tickets opened per UTC day over the last `days` days, for the graph. */
	public async dailyVolume(data: GuildData, days: number, now = new Date()) {
		const tickets = await data.db.ticket.findMany({
			where: { ...COUNTED, createdAt: { gte: new Date(now.getTime() - days * DAY_MS) } },
			select: { createdAt: true }
		});
		return dailyCounts(
			tickets.map((ticket) => ticket.createdAt),
			days,
			now
		);
	}

	/**
	 * Staff ranked by tickets handled (claimed, or closed without a claim), then by first-response time.
	 * An opener closing their own ticket is not staff work.
	 */
	public async leaderboard(data: GuildData): Promise<StaffStanding[]> {
		const [handledRows, answered, ratings, responses, warnings] = await Promise.all([
			data.db.ticket.findMany({
				where: { ...COUNTED, OR: [{ claimedById: { not: null } }, { closedById: { not: null } }] },
				select: { id: true, claimedById: true, closedById: true, openerId: true }
			}),
			data.db.ticket.findMany({ where: ANSWERED, select: { firstResponderId: true, createdAt: true, firstResponseAt: true } }),
			data.db.feedback.findMany({ where: { ticket: { softDeletedAt: null } }, select: { ticketId: true, stars: true } }),
			data.db.staffResponse.groupBy({ by: ['staffId'], _sum: { count: true } }),
			data.db.staffWarning.groupBy({ by: ['staffId'], _count: { _all: true } })
		]);
		const starsOf = new Map(ratings.map((row) => [row.ticketId, row.stars]));
		const handled = new Map<string, number[]>();
		for (const ticket of handledRows) {
			const handler = ticket.claimedById ?? (ticket.closedById !== ticket.openerId ? ticket.closedById : null);
			if (handler) push(handled, handler, ticket.id);
		}
		const firstResponses = new Map<string, number[]>();
		for (const ticket of answered) if (ticket.firstResponderId) push(firstResponses, ticket.firstResponderId, responseMs(ticket));
		const answers = new Map(responses.map((row) => [row.staffId, row._sum.count ?? 0]));
		const warned = new Map(warnings.map((row) => [row.staffId, row._count._all]));
		const staff = new Set([...handled.keys(), ...firstResponses.keys(), ...answers.keys(), ...warned.keys()]);
		return [...staff]
			.map((staffId) => {
				const tickets = handled.get(staffId) ?? [];
				return {
					staffId,
					handled: tickets.length,
					answers: answers.get(staffId) ?? 0,
					firstResponse: summarize(firstResponses.get(staffId) ?? []),
					rating: averageOf(tickets.map((id) => starsOf.get(id)).filter((stars): stars is number => stars !== undefined)),
					warnings: warned.get(staffId) ?? 0
				};
			})
			.sort(
				(a, b) =>
					b.handled - a.handled ||
					(a.firstResponse?.average ?? Infinity) - (b.firstResponse?.average ?? Infinity) ||
					b.answers - a.answers
			);
	}

	/**
	 * How often each category's SLAs were missed (first response, resolution), and each staff member's
	 * tickets: an SLA counts once it is decided, so a ticket still inside its time is not yet a number.
	 */
	public async slaBreaches(data: GuildData, now = new Date()): Promise<SlaBreaches> {
		const [tickets, names] = await Promise.all([
			data.db.ticket.findMany({
				where: { ...COUNTED, OR: [{ slaDueAt: { not: null } }, { resolutionDueAt: { not: null } }] },
				select: {
					categoryId: true,
					slaDueAt: true,
					resolutionDueAt: true,
					firstResponseAt: true,
					closedAt: true,
					claimedById: true,
					firstResponderId: true
				}
			}),
			this.categoryNames(data)
		]);
		const categories = new Map<string, SlaBreaches['categories'][number]>();
		const staff = new Map<string, SlaRate>();
		for (const ticket of tickets) {
			const name = ticket.categoryId ? (names.get(ticket.categoryId) ?? '—') : '—';
			const entry = categories.get(name) ?? { name, response: { missed: 0, total: 0 }, resolution: { missed: 0, total: 0 } };
			categories.set(name, entry);
			const response = missed(ticket.slaDueAt, ticket.firstResponseAt ?? ticket.closedAt, now);
			const resolution = missed(ticket.resolutionDueAt, ticket.closedAt, now);
			count(entry.response, response);
			count(entry.resolution, resolution);
			const handler = ticket.claimedById ?? ticket.firstResponderId;
			if (!handler || (response === null && resolution === null)) continue;
			const rate = staff.get(handler) ?? { missed: 0, total: 0 };
			staff.set(handler, rate);
			count(rate, response === true || resolution === true);
		}
		return {
			categories: [...categories.values()].sort((a, b) => a.name.localeCompare(b.name)),
			staff: [...staff].map(([staffId, rate]) => ({ staffId, rate })).sort((a, b) => b.rate.total - a.rate.total)
		};
	}

	/** How many ratings gave each number of stars, 1 to 5 (index 0 is one star). */
	public async ratings(data: GuildData): Promise<number[]> {
		const groups = await data.db.feedback.groupBy({
			by: ['stars'],
			where: { ticket: { softDeletedAt: null } },
			_count: { _all: true }
		});
		const counts = [0, 0, 0, 0, 0];
		for (const group of groups) if (group.stars >= 1 && group.stars <= 5) counts[group.stars - 1] = group._count._all;
		return counts;
	}

	public async responseTimes(data: GuildData): Promise<ResponseTimes> {
		const [answered, names] = await Promise.all([
			data.db.ticket.findMany({
				where: ANSWERED,
				select: { categoryId: true, firstResponderId: true, createdAt: true, firstResponseAt: true }
			}),
			this.categoryNames(data)
		]);
		const byCategory = new Map<string, number[]>();
		const byStaff = new Map<string, number[]>();
		for (const ticket of answered) {
			const ms = responseMs(ticket);
			push(byCategory, ticket.categoryId ? (names.get(ticket.categoryId) ?? '—') : '—', ms);
			if (ticket.firstResponderId) push(byStaff, ticket.firstResponderId, ms);
		}
		return {
			categories: [...byCategory.entries()]
				.map(([name, values]) => ({ name, summary: summarize(values)! }))
				.sort((a, b) => b.summary.count - a.summary.count),
			staff: [...byStaff.entries()]
				.map(([staffId, values]) => ({ staffId, summary: summarize(values)! }))
				.sort((a, b) => a.summary.average - b.summary.average)
		};
	}

	/** Every ticket as a CSV file in one string, for Discord's upload (see csvChunks), and how many rows it has. */
	public async exportCsv(data: GuildData): Promise<{ csv: string; rows: number }> {
		const chunks: string[] = [];
		let rows = -1;
		for await (const chunk of this.csvChunks(data)) {
			chunks.push(chunk.text);
			rows += chunk.rows;
		}
		return { csv: chunks.join(''), rows };
	}

	/**
	 * Every ticket as a CSV row (RFC 4180, UTF-8 with a byte order mark so spreadsheets read accents): the
	 * header, then one chunk per page of rows, read with a pause between pages, so a large guild's export
	 * neither holds every row at once nor keeps the bot from answering others meanwhile (the dashboard
	 * streams the chunks as they come, and the browser shows the download's progress).
	 */
	public async *csvChunks(data: GuildData): AsyncGenerator<{ text: string; rows: number }> {
		const names = await this.categoryNames(data);
		const header = [
			'number',
			'status',
			'category',
			'priority',
			'tags',
			'opener_id',
			'owner_id',
			'claimed_by_id',
			'opened_at',
			'first_response_at',
			'first_response_seconds',
			'first_responder_id',
			'closed_at',
			'closed_by_id',
			'close_reason',
			'rating'
		];
		const iso = (date: Date | null) => date?.toISOString() ?? null;
		yield { text: `\uFEFF${header.join(',')}\r\n`, rows: 1 };
		for (let after = 0; ;) {
			const page = await exportPage(data, after);
			const lines = page.map((ticket) => {
				const first = ticket.firstResponseAt ? responseMs(ticket) : null;
				// An anonymous ticket's opener stays unknown in the export too.
				const hidden = (id: string | null) => (ticket.anonymous && id === ticket.openerId ? 'anonymous' : id);
				return [
					ticket.number,
					ticket.status,
					ticket.categoryId ? (names.get(ticket.categoryId) ?? null) : null,
					ticket.priority,
					readList(ticket.tags).join(';'),
					hidden(ticket.openerId),
					hidden(ticket.ownerId),
					ticket.claimedById,
					iso(ticket.createdAt),
					iso(ticket.firstResponseAt),
					first === null ? null : Math.round(first / 1000),
					ticket.firstResponderId,
					iso(ticket.closedAt),
					hidden(ticket.closedById),
					ticket.closeReason,
					ticket.feedback?.stars ?? null
				]
					.map(csvCell)
					.join(',');
			});
			if (lines.length) yield { text: `${lines.join('\r\n')}\r\n`, rows: page.length };
			if (page.length < EXPORT_PAGE) break;
			after = page.at(-1)!.number;
			await yieldToEventLoop();
		}
	}
}
