import type { Cache } from '../cache/Cache.js';
import type { GuildData } from '../database/guildData.js';

const CHANNEL_TTL_MS = 10 * 60_000;
const channelKey = (channelId: string) => `ticket-channel:${channelId}`;

/** Called when a ticket gets its channel, before anyone can write in it. */
export async function rememberTicketChannel(cache: Cache, channelId: string, ticketId: number): Promise<void> {
	await cache.set(channelKey(channelId), ticketId, CHANNEL_TTL_MS);
}

/**
 * Which ticket a channel holds (0: none), asked for every message in the guild, so remembered in the
 * cache: a channel never becomes a ticket after its first message, so "none" stays true.
 */
export async function ticketIdOfChannel(data: GuildData, cache: Cache, channelId: string): Promise<number> {
	const key = channelKey(channelId);
	const cached = await cache.get<number>(key);
	if (cached !== undefined) return cached;
	const ticket = await data.db.ticket.findFirst({ where: { channelId }, select: { id: true } });
	await cache.set(key, ticket?.id ?? 0, CHANNEL_TTL_MS);
	return ticket?.id ?? 0;
}

/**
 * A message in a ticket: the opener's last activity, or a staff answer (the first one timed once,
 * every one counted per staff member). Both move the ticket's last activity.
 */
export async function recordTicketMessage(
	data: GuildData,
	ticketId: number,
	authorId: string,
	role: 'opener' | 'staff' | 'other',
	at: Date
): Promise<void> {
	if (role === 'opener') {
		await data.db.ticket.update({
			where: { id: ticketId },
			data: { lastActivityAt: at, openerLastActivityAt: at, inactivityWarnedAt: null }
		});
		return;
	}
	await data.db.ticket.update({ where: { id: ticketId }, data: { lastActivityAt: at } });
	if (role !== 'staff') return;
	// Only the first staff answer sets the first-response time, however many arrive at once.
	await data.db.ticket.updateMany({
		where: { id: ticketId, firstResponseAt: null },
		data: { firstResponseAt: at, firstResponderId: authorId }
	});
	await data.db.staffResponse.upsert({
		where: { ticketId_staffId: { ticketId, staffId: authorId } },
		create: { ticketId, guildId: data.guildId, staffId: authorId, count: 1, firstAt: at, lastAt: at },
		update: { count: { increment: 1 }, lastAt: at }
	});
}
