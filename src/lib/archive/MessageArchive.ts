import type { Cache } from '../cache/Cache.js';
import type { DataStore, GuildData } from '../database/guildData.js';
import type { BackgroundServices } from '../lifecycle/background.js';
import { ACTIVE_STATUSES, TicketStatus } from '../model/status.js';
import { ticketIdOfChannel } from '../tickets/activity.js';
import { editableColumns, messageColumns, readJsonList, type ArchivedMessage, type SeenMessage } from './record.js';

/** Discord hands out message history 100 at a time. */
const PAGE = 100;

/** Prisma's "unique constraint failed" (P2002). */
const isUniqueViolation = (error: unknown) =>
	typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';

/** An edit of a message discord.js had not seen (sent before a restart): its text is fetched. */
export interface PartialSeenMessage {
	readonly partial: true;
	readonly id: string;
	readonly channelId: string;
	readonly guildId: string | null;
	fetch(): Promise<SeenMessage>;
}

/** What the archive works with (a piece's container holds them under these names). */
export interface ArchiveServices extends BackgroundServices {
	readonly db: DataStore;
	readonly cache: Cache;
}

/** A ticket's stored messages, and whether they go back to its opening. */
export interface TicketHistory {
	/** Oldest first; deleted messages included, with their deletedAt. */
	messages: ArchivedMessage[];
	/** False when the ticket was opened before the guild's archive began, or nothing of it is stored. */
	complete: boolean;
}

/**
 * The message archive: every message of a ticket channel (the bot's own included) is stored when sent,
 * rewritten when edited and marked when deleted, so transcripts no longer depend on the channel's history
 * on Discord. The writes of one channel run one after another in the order Discord sent the events (an
 * edit never lands before its message), as tracked work; a write that fails is logged and dropped.
 */
export class MessageArchive {
	/** The last queued write of each channel. */
	readonly #queues = new Map<string, Promise<void>>();

	public constructor(private readonly services: ArchiveServices) {}

	/** A new message: stored once, however many times it is seen. */
	public sent(message: SeenMessage): void {
		const { guildId } = message;
		if (!guildId) return;
		this.#queue(message.channelId, { guildId, messageId: message.id }, () => this.#insert(guildId, message));
	}

	/** An edited message (or one whose embeds Discord filled in): stored as it is now. */
	public edited(message: (SeenMessage & { readonly partial?: false }) | PartialSeenMessage): void {
		const { guildId, channelId, id } = message;
		if (!guildId) return;
		this.#queue(channelId, { guildId, messageId: id }, async () => {
			const data = this.services.db.forGuild(guildId);
			const ticketId = await ticketIdOfChannel(data, this.services.cache, channelId);
			if (!ticketId) return;
			const full = message.partial ? await message.fetch() : message;
			const where = { guildId_messageId: { guildId, messageId: id } };
			const update = editableColumns(full);
			await data.db.ticketMessage
				.upsert({ where, create: { guildId, ticketId, messageId: id, ...messageColumns(full) }, update })
				.catch(async (error: unknown) => {
					// Another process (a rolling restart) stored it in between: the row is there to update now.
					if (!isUniqueViolation(error)) throw error;
					await data.db.ticketMessage.update({ where, data: update });
				});
		});
	}

	/** Deleted messages (one, or a bulk delete): kept, marked deleted. */
	public deleted(guildId: string | null, channelId: string, messageIds: readonly string[]): void {
		if (!guildId || messageIds.length === 0) return;
		const at = new Date();
		this.#queue(channelId, { guildId, messageIds }, async () => {
			await this.services.db
				.forGuild(guildId)
				.db.ticketMessage.updateMany({ where: { messageId: { in: [...messageIds] }, deletedAt: null }, data: { deletedAt: at } });
		});
	}

	/** Resolves when every write queued so far for the channel is done. */
	public settled(channelId: string): Promise<void> {
		return this.#queues.get(channelId) ?? Promise.resolve();
	}

	/** A ticket's stored messages, once the writes already queued for its channel are done. */
	public async history(
		data: GuildData,
		ticket: { id: number; channelId: string | null; createdAt: Date }
	): Promise<TicketHistory> {
		if (ticket.channelId) await this.settled(ticket.channelId);
		const [rows, first] = await Promise.all([
			data.db.ticketMessage.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: 'asc' } }),
			data.db.ticketMessage.findFirst({ orderBy: { createdAt: 'asc' }, select: { createdAt: true } })
		]);
		const messages = rows
			.map((row): ArchivedMessage => ({
				messageId: row.messageId,
				authorId: row.authorId,
				authorName: row.authorName,
				authorUsername: row.authorUsername,
				authorBot: row.authorBot,
				content: row.content,
				embeds: readJsonList(row.embeds),
				attachments: readJsonList(row.attachments),
				replyToId: row.replyToId,
				createdAt: row.createdAt,
				editedAt: row.editedAt,
				deletedAt: row.deletedAt
			}))
			// Snowflakes order messages exactly, where two may share a millisecond.
			.sort((a, b) => (BigInt(a.messageId) < BigInt(b.messageId) ? -1 : 1));
		// The guild's first stored message is when its archive began: a ticket opened earlier may miss its start.
		const complete = messages.length > 0 && first !== null && ticket.createdAt >= first.createdAt;
		return { messages, complete };
	}

	/**
	 * At start-up: messages sent in tickets while the bot was not connected (Discord replays nothing to a
	 * new session) are fetched from after the last stored one and stored. Covers open tickets and closed
	 * ones whose transcript is still to be written; returns how many messages it stored.
	 */
	public async catchUp(guildIds: readonly string[]): Promise<number> {
		// A system-wide pass over this shard's guilds; each write goes through the guild's scoped client.
		const tickets = await this.services.db.prisma.ticket.findMany({
			where: {
				guildId: { in: [...guildIds] },
				channelId: { not: null },
				purgedAt: null,
				OR: [{ status: { in: [...ACTIVE_STATUSES] } }, { status: TicketStatus.Closed, transcriptPostedAt: null }]
			},
			select: { id: true, guildId: true, channelId: true }
		});
		let stored = 0;
		for (const ticket of tickets) {
			try {
				stored += await this.#catchUpTicket(ticket.guildId, ticket.id, ticket.channelId!);
			} catch (error) {
				this.services.logger.warn('Could not archive the messages a ticket received while the bot was away', {
					guildId: ticket.guildId,
					ticketId: ticket.id,
					error
				});
			}
		}
		return stored;
	}

	async #catchUpTicket(guildId: string, ticketId: number, channelId: string): Promise<number> {
		const last = await this.services.db.forGuild(guildId).db.ticketMessage.findFirst({
			where: { ticketId },
			orderBy: { createdAt: 'desc' },
			select: { messageId: true }
		});
		// Nothing stored: the ticket predates the archive, and its transcript reads Discord's history.
		if (!last) return 0;
		const channel = this.services.discord().channels.cache.get(channelId);
		if (!channel?.isTextBased() || channel.isDMBased()) return 0;
		let after = last.messageId;
		let count = 0;
		for (;;) {
			const page = await channel.messages.fetch({ after, limit: PAGE, cache: false });
			for (const message of [...page.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))) {
				this.sent(message);
				after = message.id;
				count++;
			}
			if (page.size < PAGE) break;
		}
		await this.settled(channelId);
		return count;
	}

	async #insert(guildId: string, message: SeenMessage): Promise<void> {
		const data = this.services.db.forGuild(guildId);
		const ticketId = await ticketIdOfChannel(data, this.services.cache, message.channelId);
		if (!ticketId) return;
		await data.db.ticketMessage
			.upsert({
				where: { guildId_messageId: { guildId, messageId: message.id } },
				create: { guildId, ticketId, messageId: message.id, ...messageColumns(message) },
				update: {}
			})
			.catch((error: unknown) => {
				// Another process (a rolling restart) stored it in between: stored once all the same.
				if (!isUniqueViolation(error)) throw error;
			});
	}

	#queue(channelId: string, fields: object, write: () => Promise<void>): void {
		const done = this.services.work.begin();
		const next = (this.#queues.get(channelId) ?? Promise.resolve())
			.then(write)
			.catch((error: unknown) =>
				this.services.logger.error('Could not archive a ticket message', { ...fields, channelId, error })
			)
			.finally(done);
		this.#queues.set(channelId, next);
		void next.then(() => {
			if (this.#queues.get(channelId) === next) this.#queues.delete(channelId);
		});
	}
}
