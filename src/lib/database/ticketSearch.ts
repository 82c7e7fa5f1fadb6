import type { Prisma } from '../../generated/sqlite/client.js';
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
 * PostgreSQL reads at most this many matching messages, newest tickets first: a word most messages hold is
 * then found in the newest messages instead of in every one.
 */
export const MESSAGE_READ_LIMIT = SEARCH_LIMIT * 4;

/**
 * The IDs of the guild's tickets with a message, or answers, that hold every word (newest first, at most
 * SEARCH_LIMIT), among those a member opened or owns when `memberId` is given: SQLite through its FTS5
 * table, PostgreSQL through GIN indexes on the same text (both kept by the ticket_search migration).
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
	const parameters = [guildId, words.map((word) => `${word}:*`).join(' & '), ...(memberId ? [memberId] : [])];
	// Newest first with a limit, so that the database may walk the newest tickets' messages when a word is
	// common, and use the full-text index when it is rare. Each ticket's count says where the read stopped.
	const [messages, answers] = await Promise.all([
		serial(
			prisma,
			prisma.$queryRawUnsafe<{ id: number; rows: number }[]>(
				`SELECT "id", count(*)::int AS "rows" FROM (
					SELECT "ticketId" AS "id" FROM "TicketMessage"
					WHERE "guildId" = $1 AND to_tsvector('simple', "content") @@ to_tsquery('simple', $2)${memberId ? owned('"ticketId"') : ''}
					ORDER BY "ticketId" DESC LIMIT ${MESSAGE_READ_LIMIT}
				) AS "matches" GROUP BY "id"`,
				...parameters
			)
		),
		prisma.$queryRawUnsafe<{ id: number }[]>(
			`SELECT "id" FROM "Ticket"
			 WHERE "guildId" = $1 AND to_tsvector('simple', "answersText") @@ to_tsquery('simple', $2)${memberId ? owned('"id"') : ''}
			 ORDER BY "id" DESC LIMIT ${SEARCH_LIMIT}`,
			...parameters
		)
	]);
	const read = messages.reduce((sum, row) => sum + row.rows, 0);
	return newestOf(
		{ ids: messages.map((row) => row.id), capped: read === MESSAGE_READ_LIMIT },
		{ ids: answers.map((row) => row.id), capped: answers.length === SEARCH_LIMIT }
	);
}

/**
 * A query run without parallel workers: a search reads a few thousand rows, and starting workers for them
 * costs more than it saves (twice the time, measured with 100,000 tickets).
 */
async function serial<T>(prisma: Database, query: Prisma.PrismaPromise<T>): Promise<T> {
	const [, result] = await prisma.$transaction([
		prisma.$executeRawUnsafe('SET LOCAL max_parallel_workers_per_gather = 0'),
		query
	]);
	return result;
}

/**
 * The newest SEARCH_LIMIT tickets two partial reads found. A read that stopped at its limit knows nothing
 * below its oldest ticket, so nothing below it is listed: what is listed is every match down to there.
 */
export function newestOf(...reads: SearchMatches[]): SearchMatches {
	const floor = Math.max(...reads.map((read) => (read.capped && read.ids.length > 0 ? Math.min(...read.ids) : -Infinity)));
	const ids = [...new Set(reads.flatMap((read) => read.ids))].filter((id) => id >= floor).sort((a, b) => b - a);
	return { ids: ids.slice(0, SEARCH_LIMIT), capped: floor > -Infinity || ids.length > SEARCH_LIMIT };
}

// A member's tickets through the (guildId, openerId) and (guildId, ownerId) indexes.
const OWNED_SQLITE = ` AND "ticketId" IN (SELECT "id" FROM "Ticket" WHERE "guildId" = ? AND "openerId" = ? UNION SELECT "id" FROM "Ticket" WHERE "guildId" = ? AND "ownerId" = ?)`;
const owned = (column: string) =>
	` AND ${column} IN (SELECT "id" FROM "Ticket" WHERE "guildId" = $1 AND "openerId" = $3 UNION SELECT "id" FROM "Ticket" WHERE "guildId" = $1 AND "ownerId" = $3)`;
