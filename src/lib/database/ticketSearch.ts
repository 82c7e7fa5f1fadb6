import type { Database } from './client.js';
import type { DatabaseProvider } from './url.js';

/** Search looks at this many of the newest matching tickets at most; a wider search asks for more words. */
export const SEARCH_LIMIT = 1000;
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
 * The IDs of the guild's tickets whose answers or archived messages hold every word (newest first, at
 * most SEARCH_LIMIT): SQLite through its FTS5 table, PostgreSQL through GIN indexes on the same text
 * (both kept by the ticket_search migration).
 */
export async function matchingTicketIds(
	prisma: Database,
	provider: DatabaseProvider,
	guildId: string,
	words: readonly string[]
): Promise<number[]> {
	if (words.length === 0) return [];
	const rows =
		provider === 'sqlite'
			? await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(
					`SELECT DISTINCT "ticketId" AS "id" FROM "TicketSearch"
					 WHERE "TicketSearch" MATCH ? AND "guildId" = ? ORDER BY "ticketId" DESC LIMIT ${SEARCH_LIMIT}`,
					words.map((word) => `"${word}"*`).join(' '),
					guildId
				)
			: await prisma.$queryRawUnsafe<{ id: number }[]>(
					`SELECT "id" FROM (
						SELECT "ticketId" AS "id" FROM "TicketMessage"
						WHERE "guildId" = $1 AND to_tsvector('simple', "content") @@ to_tsquery('simple', $2)
						UNION
						SELECT "id" FROM "Ticket"
						WHERE "guildId" = $1 AND to_tsvector('simple', "answersText") @@ to_tsquery('simple', $2)
					) AS "matches" ORDER BY "id" DESC LIMIT ${SEARCH_LIMIT}`,
					guildId,
					words.map((word) => `${word}:*`).join(' & ')
				);
	return rows.map((row) => Number(row.id));
}
