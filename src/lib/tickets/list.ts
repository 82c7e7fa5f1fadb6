import type { Actor } from '../access/actor.js';
import { listScope, type ListScope } from '../access/policy.js';
import { guildRoles, guildTeams } from '../access/roles.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import type { GuildData } from '../database/guildData.js';
import { pageWindow } from '../database/paging.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { TicketStatus } from '../model/status.js';
import type { TicketServices } from './services.js';

/** Status filters, as stored in a page button's custom ID. */
export const LIST_STATUSES = ['all', 'open', 'closed'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** What a list asks for: filters are 0 (status `all`, any category) or '0' (any member) when not given. */
export interface ListQuery {
	page: number;
	status: number;
	categoryId: number;
	userId: string;
	/** Narrower filters the dashboard offers (a chat list's page button carries none). */
	more?: ListFilters;
}

export interface ListFilters {
	priority?: string;
	claimedById?: string;
	/** Opened at or after, and before. */
	openedFrom?: Date;
	openedBefore?: Date;
	/** Words one of the ticket's messages, or its answers, hold (every one, each as the start of a word). */
	text?: string;
}

export interface ListedTicket {
	number: number;
	status: string;
	locked: boolean;
	priority: string;
	categoryName: string | null;
	/** Null for an anonymous ticket. */
	ownerId: string | null;
	claimedById: string | null;
	channelId: string | null;
}

export interface TicketList {
	query: ListQuery;
	status: ListStatus;
	total: number;
	/** The page shown (0-based; past the end: the last) and how many there are. */
	page: number;
	pages: number;
	tickets: ListedTicket[];
	/** True when more tickets match the search than it reads: more words narrow it. */
	searchCapped: boolean;
	/** True when more tickets match than a list counts (LIST_COUNT_LIMIT): `total` is that limit, filters narrow it. */
	totalCapped: boolean;
}

/**
 * A list counts its matches up to this many: counting every ticket of a large guild costs more than the
 * page itself, and nobody pages through more than a thousand pages.
 */
export const LIST_COUNT_LIMIT = 10_000;

function scopeWhere(actor: Actor, scope: ListScope): Prisma.TicketWhereInput {
	const own: Prisma.TicketWhereInput = { OR: [{ openerId: actor.userId }, { ownerId: actor.userId }] };
	switch (scope.kind) {
		case 'all':
			return {};
		case 'own':
			return own;
		case 'teams':
			return {
				OR: [
					{ departmentId: null, categoryId: { in: [...scope.categoryIds] } },
					{ departmentId: { in: [...scope.departmentIds] } },
					own
				]
			};
	}
}

/**
 * One page of the tickets this actor may list (ten a page, newest first): admins and support roles see the
 * guild's, category or department staff the tickets their roles work, anyone else their own. Soft-deleted
 * tickets are never listed, and staff looking for a member's tickets never find the anonymous ones.
 */
export async function listTickets(
	services: TicketServices,
	actor: Actor,
	guildId: string,
	query: ListQuery
): Promise<TicketList> {
	const data = services.db.forGuild(guildId);
	const sources = { check: services.roles, log: services.log };
	const [roles, teams] = await Promise.all([guildRoles(data, sources), guildTeams(data, sources)]);
	const scope = listScope(actor, roles, teams);
	if (query.userId !== '0' && query.userId !== actor.userId && scope.kind === 'own')
		refuse(LanguageKeys.Tickets.ListOthersStaffOnly);
	const status = LIST_STATUSES[query.status] ?? 'all';
	// A member's search reads their own tickets; staff read the guild's newest matches, then their scope.
	const searchedMember = scope.kind === 'own' ? actor.userId : query.userId !== '0' ? query.userId : undefined;
	const matching = query.more?.text ? await data.searchTickets(query.more.text, searchedMember) : undefined;
	const where: Prisma.TicketWhereInput = {
		AND: [
			scopeWhere(actor, scope),
			{ softDeletedAt: null },
			status === 'open'
				? { status: { in: [TicketStatus.Open, TicketStatus.Creating] } }
				: status === 'closed'
					? { status: TicketStatus.Closed }
					: {},
			matching ? { id: { in: matching.ids } } : {},
			query.categoryId ? { categoryId: query.categoryId } : {},
			query.more?.priority ? { priority: query.more.priority } : {},
			query.more?.claimedById ? { claimedById: query.more.claimedById } : {},
			query.more?.openedFrom || query.more?.openedBefore
				? { createdAt: { gte: query.more.openedFrom, lt: query.more.openedBefore } }
				: {},
			query.userId !== '0'
				? {
						OR: [{ openerId: query.userId }, { ownerId: query.userId }],
						anonymous: query.userId === actor.userId ? undefined : false
					}
				: {}
		]
	};
	// A search finds a few hundred tickets at most: those are read whole (IDs and numbers) and paged here.
	const { counted, page, pages, rows } = matching
		? await searchPage(data, where, query.page)
		: await onePage(data, where, query.page);
	return {
		query,
		status,
		total: Math.min(counted, LIST_COUNT_LIMIT),
		page,
		pages,
		searchCapped: matching?.capped ?? false,
		totalCapped: counted > LIST_COUNT_LIMIT,
		tickets: rows.map((row) => ({
			number: row.number,
			status: row.status,
			locked: row.locked,
			priority: row.priority,
			categoryName: row.category?.displayName ?? null,
			ownerId: row.anonymous ? null : row.ownerId,
			claimedById: row.claimedById,
			channelId: row.channelId
		}))
	};
}

const withCategory = { category: { select: { displayName: true } } } as const;

/** The page of a long list: counted up to LIST_COUNT_LIMIT, then read in order. */
async function onePage(data: GuildData, where: Prisma.TicketWhereInput, requested: number) {
	const counted = await data.db.ticket.count({ where, take: LIST_COUNT_LIMIT + 1 });
	const { page, pages, skip, take } = pageWindow(Math.min(counted, LIST_COUNT_LIMIT), requested);
	const rows =
		counted === 0 ? [] : await data.db.ticket.findMany({ where, orderBy: { number: 'desc' }, skip, take, include: withCategory });
	return { counted, page, pages, rows };
}

/** The page of a search's matches (a few hundred at most): one read counts them, a second reads the page. */
async function searchPage(data: GuildData, where: Prisma.TicketWhereInput, requested: number) {
	const few = await data.db.ticket.findMany({ where, select: { id: true, number: true } });
	few.sort((a, b) => b.number - a.number);
	const { page, pages, skip, take } = pageWindow(few.length, requested);
	const ids = few.slice(skip, skip + take).map((row) => row.id);
	const rows =
		ids.length === 0
			? []
			: await data.db.ticket.findMany({ where: { id: { in: ids } }, orderBy: { number: 'desc' }, include: withCategory });
	return { counted: few.length, page, pages, rows };
}

/** The list as a use case: only the caller reads it, on every surface. */
export const ticketList = { audience: 'private' as const, run: listTickets };
