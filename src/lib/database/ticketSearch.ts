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
): Promise<number[]> {
	if (words.length === 0) return [];
	const rows =
		provider === 'sqlite'
			? await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(
					`SELECT DISTINCT "ticketId" AS "id" FROM "TicketSearch"
					 WHERE "TicketSearch" MATCH ? AND "guildId" = ?${memberId ? OWNED_SQLITE : ''}
					 ORDER BY "ticketId" DESC LIMIT ${SEARCH_LIMIT}`,
					words.map((word) => `"${word}"*`).join(' '),
					guildId,
					...(memberId ? [guildId, memberId, guildId, memberId] : [])
				)
			: await prisma.$queryRawUnsafe<{ id: number }[]>(
					`SELECT "id" FROM (
						SELECT "ticketId" AS "id" FROM "TicketMessage"
						WHERE "guildId" = $1 AND to_tsvector('simple', "content") @@ to_tsquery('simple', $2)
						UNION
						SELECT "id" FROM "Ticket"
						WHERE "guildId" = $1 AND to_tsvector('simple', "answersText") @@ to_tsquery('simple', $2)
					) AS "matches"${memberId ? OWNED_POSTGRES : ''} ORDER BY "id" DESC LIMIT ${SEARCH_LIMIT}`,
					guildId,
					words.map((word) => `${word}:*`).join(' & '),
					...(memberId ? [memberId] : [])
				);
	return rows.map((row) => Number(row.id));
}

// A member's tickets through the (guildId, openerId) and (guildId, ownerId) indexes.
const OWNED_SQLITE = ` AND "ticketId" IN (SELECT "id" FROM "Ticket" WHERE "guildId" = ? AND "openerId" = ? UNION SELECT "id" FROM "Ticket" WHERE "guildId" = ? AND "ownerId" = ?)`;
const OWNED_POSTGRES = ` WHERE "id" IN (SELECT "id" FROM "Ticket" WHERE "guildId" = $1 AND "openerId" = $3 UNION SELECT "id" FROM "Ticket" WHERE "guildId" = $1 AND "ownerId" = $3)`;
