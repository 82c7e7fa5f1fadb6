import { entryAuthor, type Actor } from '../access/actor.js';
import { refuse, Refusal } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { sanitizeChannelName } from '../text/channelName.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { DiscordFailure } from '../errors/DiscordFailure.js';
import type { TicketServices } from './services.js';
import { mention, staffScene, type TicketScene } from './ticket.js';

/** Discord's limit: two renames of a channel per ten minutes. */
const RENAME_WINDOW_MS = 10 * 60_000;
const RENAMES_PER_WINDOW = 2;
const renameKey = (channelId: string) => `rename:${channelId}`;

/** Discord held a rename back for longer than the bot waits: it is queued for then. */
class HeldBack extends Error {
	public constructor(public readonly waitMs: number) {
		super('Discord holds this rename back');
	}
}

/** The rename itself, one Discord call; a rate limit becomes HeldBack with Discord's own wait. */
async function renameChannel(services: TicketServices, guildId: string, channelId: string, name: string): Promise<void> {
	try {
		await services.channels.rename(guildId, channelId, name, 'ticket renamed');
	} catch (error) {
		if (error instanceof DiscordFailure && error.rateLimited) throw new HeldBack(error.retryAfterMs ?? RENAME_WINDOW_MS);
		throw error;
	}
}

/**
 * Renames the channel (sanitized). Discord allows two renames per ten minutes: they are counted here first,
 * so a third is never refused nor left waiting on Discord. It is queued instead, stored with its time
 * (latest name wins, at the first queued time) and armed like a scheduled close, and the caller told when
 * it will happen; a rename Discord itself holds back (one the count did not know of: a restart without
 * Redis, a rename made in Discord) is queued the same way, for when Discord says.
 */
export const rename = useCase<{ name: string }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, input) => {
		const scene = await staffScene(services, actor, guildId, ticketId, 'edit');
		const { channelId } = scene.ticket;
		if (!channelId) refuse(LanguageKeys.Errors.ChannelGone);
		const name = sanitizeChannelName(input.name, scene.ticket.number);
		const key = renameKey(channelId);
		const counted = await services.cache.increment(key, RENAME_WINDOW_MS);
		if (scene.ticket.pendingNameAt) return queueRename(services, actor, scene, name, scene.ticket.pendingNameAt);
		if (counted > RENAMES_PER_WINDOW) {
			const wait = (await services.cache.ttl(key)) ?? RENAME_WINDOW_MS;
			return queueRename(services, actor, scene, name, new Date(Date.now() + wait));
		}
		try {
			await commitChange(services, scene.data, {
				entry: { ticketId, ...entryAuthor(actor), action: 'ticket.renamed', details: { name } },
				// The name lives in Discord only: the timeline entry is the database's side.
				write: async () => true,
				lost: notice(LanguageKeys.Tickets.NotATicket),
				effect: () => renameChannel(services, guildId, channelId, name)
			});
		} catch (error) {
			if (error instanceof HeldBack) return queueRename(services, actor, scene, name, new Date(Date.now() + error.waitMs));
			throw error;
		}
		return { ticketId, notice: notice(LanguageKeys.Tickets.Renamed, { name, by: mention(actor.userId) }) };
	}
);

/** Stores the rename for `at` with its timeline entry, then arms its timer (undone if arming fails). */
async function queueRename(
	services: TicketServices,
	actor: Actor,
	scene: TicketScene,
	name: string,
	at: Date
): Promise<TicketOutcome> {
	const { id: ticketId, pendingName, pendingNameAt } = scene.ticket;
	await commitChange(services, scene.data, {
		entry: { ticketId, ...entryAuthor(actor), action: 'ticket.rename_queued', details: { name, at: at.toISOString() } },
		write: async (tx) =>
			(await tx.ticket.updateMany({ where: { id: ticketId }, data: { pendingName: name, pendingNameAt: at } })).count === 1,
		lost: notice(LanguageKeys.Tickets.NotATicket),
		effect: () => services.timer.schedule(scene.data.guildId, ticketId, at),
		undo: async (tx) => {
			await tx.ticket.updateMany({ where: { id: ticketId, pendingName: name }, data: { pendingName, pendingNameAt } });
		}
	});
	return {
		ticketId,
		notice: notice(LanguageKeys.Tickets.RenameQueued, {
			name,
			when: `<t:${Math.ceil(at.getTime() / 1000)}:R>`,
			by: mention(actor.userId)
		})
	};
}

/**
 * Applies the queued rename that is due, by the bot, once: the pending name is taken off the ticket with
 * the timeline entry (only if it is still the one read: a newer one waits for its own run), then the
 * channel renamed; if Discord refuses, the rename stays queued, and if it holds it back, it is queued
 * again for when Discord says. What the ticket then reads, or null when nothing was due.
 */
export async function applyQueuedRename(
	services: TicketServices,
	guildId: string,
	ticketId: number,
	now: Date,
	tries = 2
): Promise<TicketOutcome | null> {
	const data = services.db.forGuild(guildId);
	const ticket = await data.db.ticket.findUnique({
		where: { id: ticketId },
		select: { channelId: true, pendingName: true, pendingNameAt: true }
	});
	if (!ticket?.pendingName || !ticket.pendingNameAt || ticket.pendingNameAt > now) return null;
	const { channelId, pendingName: name, pendingNameAt: at } = ticket;
	const queued = { id: ticketId, pendingName: name, pendingNameAt: at };
	const replaced = notice(LanguageKeys.Tickets.NotATicket);
	const taken = { pendingName: null, pendingNameAt: null };
	if (!channelId) {
		await data.db.ticket.updateMany({ where: queued, data: taken });
		return null;
	}
	await services.cache.increment(renameKey(channelId), RENAME_WINDOW_MS);
	try {
		await commitChange(services, data, {
			entry: { ticketId, actorId: null, action: 'ticket.renamed', details: { name, queued: true } },
			write: async (tx) => (await tx.ticket.updateMany({ where: queued, data: taken })).count === 1,
			lost: replaced,
			effect: () => renameChannel(services, guildId, channelId, name),
			undo: async (tx) => {
				await tx.ticket.updateMany({
					where: { id: ticketId, pendingName: null },
					data: { pendingName: name, pendingNameAt: at }
				});
			}
		});
	} catch (error) {
		if (error instanceof HeldBack) {
			const later = new Date(Date.now() + error.waitMs);
			await data.db.ticket.updateMany({ where: queued, data: { pendingNameAt: later } });
			await services.timer.schedule(guildId, ticketId, later);
			return null;
		}
		// Another name was queued meanwhile: it is due too (same time), so it goes now.
		if (error instanceof Refusal && error.notice === replaced && tries > 1)
			return applyQueuedRename(services, guildId, ticketId, now, tries - 1);
		throw error;
	}
	return { ticketId, notice: notice(LanguageKeys.Tickets.RenamedQueued, { name }) };
}
