import type { GuildData } from '../database/guildData.js';
import { readList } from '../database/json.js';
import { TicketStatus } from '../tickets/status.js';
import { csvCell, dailyCounts, summarize, type Summary } from './stats.js';

/** What the analytics read of a ticket. Soft-deleted tickets are left out; hard-deleted ones stay as metrics. */
async function ticketFacts(data: GuildData) {
	return data.db.ticket.findMany({
		where: { softDeletedAt: null, status: { not: TicketStatus.Creating } },
		select: {
			id: true,
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
		orderBy: { number: 'asc' }
	});
}

type TicketFacts = Awaited<ReturnType<typeof ticketFacts>>[number];

const firstResponseMs = (ticket: TicketFacts) =>
	ticket.firstResponseAt ? ticket.firstResponseAt.getTime() - ticket.createdAt.getTime() : null;

const present = <T>(value: T | null): value is T => value !== null;

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

export interface ResponseTimes {
	categories: { name: string; summary: Summary }[];
	staff: { staffId: string; summary: Summary }[];
}

function ratingOf(tickets: readonly TicketFacts[]): { average: number; count: number } | null {
	const stars = tickets.map((ticket) => ticket.feedback?.stars ?? null).filter(present);
	return stars.length ? { average: stars.reduce((sum, value) => sum + value, 0) / stars.length, count: stars.length } : null;
}

/**
 * A guild's ticket analytics, computed from the database on request (nothing is kept in memory between
 * requests, so several processes agree). Anonymous tickets count in every number but never name the opener.
 */
export class AnalyticsService {
	private async categoryNames(data: GuildData): Promise<Map<number, string>> {
		const categories = await data.db.category.findMany({ select: { id: true, displayName: true } });
		return new Map(categories.map((category) => [category.id, category.displayName]));
	}

	public async dashboard(data: GuildData, now = new Date(), days = 14): Promise<Dashboard> {
		const [tickets, names] = await Promise.all([ticketFacts(data), this.categoryNames(data)]);
		const byCategory = new Map<string, CategoryVolume>();
		for (const ticket of tickets) {
			const name = ticket.categoryId ? (names.get(ticket.categoryId) ?? '—') : '—';
			const entry = byCategory.get(name) ?? { name, total: 0, open: 0 };
			entry.total++;
			if (ticket.status !== TicketStatus.Closed) entry.open++;
			byCategory.set(name, entry);
		}
		const open = tickets.filter((ticket) => ticket.status !== TicketStatus.Closed).length;
		return {
			total: tickets.length,
			open,
			closed: tickets.length - open,
			openedLastDay: tickets.filter((ticket) => now.getTime() - ticket.createdAt.getTime() < 86_400_000).length,
			categories: [...byCategory.values()].sort((a, b) => b.total - a.total),
			firstResponse: summarize(tickets.map(firstResponseMs).filter(present)),
			rating: ratingOf(tickets),
			daily: dailyCounts(
				tickets.map((ticket) => ticket.createdAt),
				days,
				now
			)
		};
	}

	/** Tickets opened per UTC day over the last `days` days, for the graph. */
	public async dailyVolume(data: GuildData, days: number, now = new Date()) {
		const since = new Date(now.getTime() - days * 86_400_000);
		const tickets = await data.db.ticket.findMany({
			where: { softDeletedAt: null, createdAt: { gte: since } },
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
		const [tickets, responses, warnings] = await Promise.all([
			ticketFacts(data),
			data.db.staffResponse.groupBy({ by: ['staffId'], _sum: { count: true } }),
			data.db.staffWarning.groupBy({ by: ['staffId'], _count: { _all: true } })
		]);
		const standings = new Map<string, { handled: TicketFacts[]; firstResponses: number[] }>();
		const standing = (staffId: string) => {
			let entry = standings.get(staffId);
			if (!entry) standings.set(staffId, (entry = { handled: [], firstResponses: [] }));
			return entry;
		};
		for (const ticket of tickets) {
			const handler = ticket.claimedById ?? (ticket.closedById !== ticket.openerId ? ticket.closedById : null);
			if (handler) standing(handler).handled.push(ticket);
			const first = firstResponseMs(ticket);
			if (ticket.firstResponderId && first !== null) standing(ticket.firstResponderId).firstResponses.push(first);
		}
		const answers = new Map(responses.map((row) => [row.staffId, row._sum.count ?? 0]));
		const warned = new Map(warnings.map((row) => [row.staffId, row._count._all]));
		for (const staffId of [...answers.keys(), ...warned.keys()]) standing(staffId);
		return [...standings.entries()]
			.map(([staffId, entry]) => ({
				staffId,
				handled: entry.handled.length,
				answers: answers.get(staffId) ?? 0,
				firstResponse: summarize(entry.firstResponses),
				rating: ratingOf(entry.handled),
				warnings: warned.get(staffId) ?? 0
			}))
			.sort(
				(a, b) =>
					b.handled - a.handled ||
					(a.firstResponse?.average ?? Infinity) - (b.firstResponse?.average ?? Infinity) ||
					b.answers - a.answers
			);
	}

	public async responseTimes(data: GuildData): Promise<ResponseTimes> {
		const [tickets, names] = await Promise.all([ticketFacts(data), this.categoryNames(data)]);
		const group = <K>(key: (ticket: TicketFacts) => K | null) => {
			const groups = new Map<K, number[]>();
			for (const ticket of tickets) {
				const value = firstResponseMs(ticket);
				const id = key(ticket);
				if (value === null || id === null) continue;
				groups.set(id, [...(groups.get(id) ?? []), value]);
			}
			return [...groups.entries()].map(([id, values]) => ({ id, summary: summarize(values)! }));
		};
		return {
			categories: group((ticket) => (ticket.categoryId ? (names.get(ticket.categoryId) ?? '—') : '—'))
				.map(({ id, summary }) => ({ name: id, summary }))
				.sort((a, b) => b.summary.count - a.summary.count),
			staff: group((ticket) => ticket.firstResponderId)
				.map(({ id, summary }) => ({ staffId: id, summary }))
				.sort((a, b) => a.summary.average - b.summary.average)
		};
	}

	/** Every ticket as a CSV row (RFC 4180, UTF-8 with a byte order mark so spreadsheets read accents). */
	public async exportCsv(data: GuildData): Promise<{ csv: string; rows: number }> {
		const [tickets, names] = await Promise.all([ticketFacts(data), this.categoryNames(data)]);
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
		const lines = tickets.map((ticket) => {
			const first = firstResponseMs(ticket);
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
		return { csv: `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`, rows: tickets.length };
	}
}
