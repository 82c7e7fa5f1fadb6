import type { Database } from './client.js';
import type { DatabaseProvider } from './url.js';

/**
 * Search reads this many of the newest matching tickets at most (a wider search asks for more words): the
 * list then filters them by ID, and Prisma's SQLite driver takes 999 query parameters at most.
 */
export const SEARCH_LIMIT = 500;
const MAX_WORDS = 8;
const MAX_WORD = 40;

/**
 * The words of a search as the indexes hold them: letters and digits only (so nothing typed is ever an
 * operator of either search language), lower case, at most eight, each matched as the start of a word.
 */
export function searchWords(text: string): string[] {
	const words =
		text
			.normalize('NFKC')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+/gu) ?? [];
	return [...new Set(words)].slice(0, MAX_WORDS).map((word) => [...word].slice(0, MAX_WORD).join(''));
}

/** What a search found: ticket IDs, newest first, and whether more tickets match than it read. */
export interface SearchMatches {
	ids: number[];
	capped: boolean;
}

/**
 * The IDs of the guild's tickets with a message, or answers, that hold every word (newest first, at most
 * SEARCH_LIMIT), among those a member opened or owns when `memberId` is given, through the "TicketSearch"
 * table triggers keep: SQLite's FTS5 (the ticket_search migration), PostgreSQL's vectors (search_table).
 */
export async function matchingTicketIds(
	prisma: Database,
	provider: DatabaseProvider,
	guildId: string,
	words: readonly string[],
	memberId?: string
): Promise<SearchMatches> {
	if (words.length === 0) return { ids: [], capped: false };
	if (provider === 'sqlite') {
		const rows = await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(
			`SELECT DISTINCT "ticketId" AS "id" FROM "TicketSearch"
			 WHERE "TicketSearch" MATCH ? AND "guildId" = ?${memberId ? OWNED_SQLITE : ''}
			 ORDER BY "ticketId" DESC LIMIT ${SEARCH_LIMIT}`,
			words.map((word) => `"${word}"*`).join(' '),
			guildId,
			...(memberId ? [guildId, memberId, guildId, memberId] : [])
		);
		return { ids: rows.map((row) => Number(row.id)), capped: rows.length === SEARCH_LIMIT };
	}
	// Newest ticket first with a limit: PostgreSQL walks the newest rows (or the member's tickets) when a
	// word is common, stopping at the 500th ticket, and uses the full-text index when it is rare.
	const holdsWords = `"vector" @@ to_tsquery('simple', $2)`;
	const rows = await prisma.$queryRawUnsafe<{ id: number }[]>(
		memberId
			? `SELECT "id" FROM "Ticket" WHERE "guildId" = $1 AND ("openerId" = $3 OR "ownerId" = $3) AND EXISTS (
						SELECT 1 FROM "TicketSearch" WHERE "guildId" = $1 AND "ticketId" = "Ticket"."id" AND ${holdsWords}
					) ORDER BY "id" DESC LIMIT ${SEARCH_LIMIT}`
			: `SELECT DISTINCT "ticketId" AS "id" FROM "TicketSearch" WHERE "guildId" = $1 AND ${holdsWords}
					ORDER BY "ticketId" DESC LIMIT ${SEARCH_LIMIT}`,
		guildId,
		words.map((word) => `${word}:*`).join(' & '),
		...(memberId ? [memberId] : [])
	);
	return { ids: rows.map((row) => row.id), capped: rows.length === SEARCH_LIMIT };
}

// A member's tickets through the (guildId, openerId) and (guildId, ownerId) indexes.
const OWNED_SQLITE = ` AND "ticketId" IN (SELECT "id" FROM "Ticket" WHERE "guildId" = ? AND "openerId" = ? UNION SELECT "id" FROM "Ticket" WHERE "guildId" = ? AND "ownerId" = ?)`;
