import type { GuildData } from '../database/guildData.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, userWritten, type Notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import type { Answer } from './answers.js';

/**
 * The waiting queue of a server with no room for another channel (Discord's 500): a member who asks for
 * a ticket then is queued (once per category) and told their place; tickets open in order as channels are
 * freed (see chat/queue.ts). The database holds the queue, so a restart keeps every place.
 */

export interface Waiting {
	id: number;
	userId: string;
	username: string;
	categoryId: number;
	answers: Answer[];
	source: string;
	createdAt: Date;
}

/** How long an entry a process took may be its own: older, the process is presumed stopped (see recover). */
const TAKEN_MS = 120_000;

/** Where the entry stands: 1 is next. */
async function placeOf(data: GuildData, id: number): Promise<number> {
	return (await data.db.ticketWait.count({ where: { id: { lte: id } } })) || 1;
}

/** Queues the member (their answers kept) and says where they stand; a second request keeps the first place. */
export async function enqueue(data: GuildData, entry: Omit<Waiting, 'id' | 'createdAt'>, categoryName: string): Promise<Notice> {
	const key = { guildId_userId_categoryId: { guildId: data.guildId, userId: entry.userId, categoryId: entry.categoryId } };
	const existing = await data.db.ticketWait.findUnique({ where: key });
	const row =
		existing ??
		(await data.db.ticketWait
			.create({
				data: {
					guildId: data.guildId,
					userId: entry.userId,
					username: entry.username,
					categoryId: entry.categoryId,
					answers: JSON.stringify(entry.answers),
					source: entry.source
				}
			})
			// The same member twice at once: the first one's place.
			.catch(async (error: unknown) => {
				if ((error as { code?: string }).code !== 'P2002') throw error;
				return data.db.ticketWait.findUniqueOrThrow({ where: key });
			}));
	const place = await placeOf(data, row.id);
	return notice(existing ? LanguageKeys.Tickets.AlreadyQueued : LanguageKeys.Tickets.Queued, {
		place,
		category: userWritten(categoryName, 80)
	});
}

/** The next member to serve, marked as taken by this process; null when nobody waits (or the next is being opened). */
export async function takeNext(data: GuildData): Promise<Waiting | null> {
	const next = await data.db.ticketWait.findFirst({ orderBy: { id: 'asc' } });
	if (!next || next.takenAt) return null;
	const { count } = await data.db.ticketWait.updateMany({ where: { id: next.id, takenAt: null }, data: { takenAt: new Date() } });
	if (count === 0) return null;
	return { ...next, answers: JSON.parse(next.answers) as Answer[] };
}

/** The entry's ticket is open (or can never be: the member left): it leaves the queue. */
export async function served(data: GuildData, id: number): Promise<void> {
	await data.db.ticketWait.deleteMany({ where: { id } });
}

/** Still no room (or Discord failed): the entry keeps its place for the next try. */
export async function release(data: GuildData, id: number): Promise<void> {
	await data.db.ticketWait.updateMany({ where: { id }, data: { takenAt: null } });
}

/**
 * Entries a stopped process had taken: served when their ticket was opened (a ticket of that member and
 * category created since they queued), else put back in their place.
 */
export async function recover(data: GuildData, now = new Date()): Promise<void> {
	const stale = await data.db.ticketWait.findMany({ where: { takenAt: { lt: new Date(now.getTime() - TAKEN_MS) } } });
	for (const entry of stale) {
		const opened = await data.db.ticket.count({
			where: {
				openerId: entry.userId,
				categoryId: entry.categoryId,
				createdAt: { gte: entry.createdAt },
				status: { not: TicketStatus.Creating }
			}
		});
		if (opened > 0) await served(data, entry.id);
		else await release(data, entry.id);
	}
}

/** The guilds with members waiting, for the start-up round. */
export async function waitingGuilds(db: { ticketWait: { findMany(args: object): Promise<{ guildId: string }[]> } }) {
	const rows = await db.ticketWait.findMany({ distinct: ['guildId'], select: { guildId: true } });
	return rows.map((row) => row.guildId);
}
