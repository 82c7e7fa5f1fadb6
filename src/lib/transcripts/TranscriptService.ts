import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { shownEmbed } from '../archive/record.js';
import { channelById, guildById } from '../discord/lookup.js';
import { translatorFor } from '../discord/translate.js';
import {
	AttachmentBuilder,
	DiscordAPIError,
	EmbedBuilder,
	RESTJSONErrorCodes,
	time,
	TimestampStyles,
	type Guild,
	type GuildTextBasedChannel,
	type Message
} from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import type { DataStore, GuildData } from '../database/guildData.js';
import type { BackgroundServices } from '../lifecycle/background.js';
import { parsed, readList } from '../database/json.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { ticketNumber, type TicketRow } from '../tickets/ticket.js';
import type { MessageArchive } from '../archive/MessageArchive.js';
import type { InvalidRequestMeter } from '../discord/invalidRequests.js';
import type { ArchivedMessage } from '../archive/record.js';
import { TicketStatus } from '../model/status.js';
import {
	ATTACHMENTS_FOLDER,
	COPIES_INDEX,
	COPY_NAME,
	copyAttachments,
	linkedToCopies,
	type CopyOptions,
	type SavedCopy
} from './attachmentCopies.js';
import { renderHtml } from './html.js';
import { priorityLabel, statusLabel } from '../i18n/labels.js';
import { transcriptLabels } from './labels.js';
import { mentionedIds } from './mentions.js';
import type { MentionNames, TranscriptAudience, TranscriptInput, TranscriptMessage } from './model.js';
import type { TranscriptStore } from './store.js';
import { renderTxt } from './txt.js';

/** Discord hands out message history 100 at a time. */
const PAGE = 100;
/** Discord's upload limit for a message without boosts; bigger transcripts stay on disk only. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface TranscriptFiles {
	html: string;
	txt: string;
	messageCount: number;
}

function toTranscriptMessage(message: Message): TranscriptMessage {
	return {
		id: message.id,
		author: {
			id: message.author.id,
			name: message.member?.displayName ?? message.author.globalName ?? message.author.username,
			username: message.author.username,
			bot: message.author.bot,
			avatarUrl: message.author.avatarURL()
		},
		createdAt: message.createdAt,
		editedAt: message.editedAt,
		content: message.content,
		embeds: message.embeds.map(shownEmbed),
		attachments: message.attachments.map((attachment) => ({
			name: attachment.name,
			url: attachment.url,
			size: attachment.size,
			contentType: attachment.contentType
		})),
		replyToId: message.reference?.messageId ?? null
	};
}

/** A stored message as a transcript shows it. */
function fromArchive(message: ArchivedMessage): TranscriptMessage {
	return {
		id: message.messageId,
		author: {
			id: message.authorId,
			name: message.authorName,
			username: message.authorUsername,
			bot: message.authorBot,
			avatarUrl: null
		},
		createdAt: message.createdAt,
		editedAt: message.editedAt,
		deletedAt: message.deletedAt,
		content: message.content,
		embeds: message.embeds,
		attachments: message.attachments.map(({ name, url, size, contentType }) => ({ name, url, size, contentType })),
		replyToId: message.replyToId
	};
}

const byId = (a: TranscriptMessage, b: TranscriptMessage) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);

/** Where a ticket's transcript comes from: its guild, and its channel's name (the channel may be gone). */
export interface TranscriptPlace {
	guild: Guild;
	channelName: string;
}

/** The place of a ticket whose channel is this one, or none any more (named as the bot names channels). */
export function transcriptPlace(guild: Guild, number: number, channel: GuildTextBasedChannel | null): TranscriptPlace {
	return { guild, channelName: channel?.name ?? `ticket-${ticketNumber(number)}` };
}

/**
 * The channel's whole history on Discord, oldest first, read page by page without filling discord.js's
 * cache: for tickets the message archive does not hold from their opening.
 */
export async function collectMessages(channel: GuildTextBasedChannel): Promise<TranscriptMessage[]> {
	const collected: TranscriptMessage[] = [];
	let before: string | undefined;
	for (;;) {
		const page = await channel.messages.fetch({ limit: PAGE, cache: false, ...(before ? { before } : {}) });
		let oldest: bigint | null = null;
		for (const message of page.values()) {
			collected.push(toTranscriptMessage(message));
			if (oldest === null || BigInt(message.id) < oldest) oldest = BigInt(message.id);
		}
		if (page.size < PAGE || oldest === null) break;
		before = oldest.toString();
	}
	return collected.sort(byId);
}

/** Names for what the messages mention, from what the bot already knows (no request to Discord per mention). */
function mentionNames(guild: Guild, messages: readonly TranscriptMessage[], notes: readonly string[]): MentionNames {
	const ids = mentionedIds(messages, notes);
	const authors = new Map(messages.map((message) => [message.author.id, message.author.name]));
	const users = new Map<string, string>();
	for (const id of ids.user) {
		const name = guild.members.cache.get(id)?.displayName ?? authors.get(id) ?? guild.client.users.cache.get(id)?.username;
		if (name) users.set(id, name);
	}
	const roles = new Map<string, string>();
	for (const id of ids.role) {
		const role = guild.roles.cache.get(id);
		if (role) roles.set(id, role.name);
	}
	const channels = new Map<string, string>();
	for (const id of ids.channel) {
		const channel = guild.channels.cache.get(id);
		if (channel) channels.set(id, channel.name);
	}
	return { users, roles, channels };
}

async function displayName(guild: Guild, userId: string | null): Promise<string | null> {
	if (!userId) return null;
	const member = guild.members.cache.get(userId) ?? (await guild.members.fetch(userId).catch(() => null));
	return member?.displayName ?? userId;
}

/**
 * Transcripts: the ticket's history as HTML and TXT, kept on disk (the staff copy), posted to the
 * transcript channel on close and handed to staff and openers on demand. The opener's copy never holds
 * the internal notes.
 */
export class TranscriptService {
	public constructor(
		private readonly store: TranscriptStore,
		private readonly services: BackgroundServices & {
			readonly db: DataStore;
			readonly archive: MessageArchive;
			/** What a close copies of the ticket's attachments: how many bytes, from which hosts. */
			readonly attachmentCopies: Pick<CopyOptions, 'budgetBytes' | 'hosts'>;
			/** Pauses the opener's copy by DM while Discord refuses the bot too often. */
			readonly invalidRequests?: InvalidRequestMeter;
		}
	) {}

	/**
	 * A ticket's messages for its transcript, oldest first: the ones the bot stored (deleted ones marked).
	 * A ticket opened before the archive began is completed from the channel's history on Discord; when
	 * Discord does not answer, or the channel is gone, the stored messages are all there is.
	 */
	public async history(data: GuildData, ticket: TicketRow, channel: GuildTextBasedChannel | null): Promise<TranscriptMessage[]> {
		const stored = await this.services.archive.history(data, ticket);
		const kept = stored.messages.map(fromArchive);
		// A channel someone deleted leaves what the bot stored.
		if (stored.complete || !channel) return kept;
		let fetched: TranscriptMessage[];
		try {
			fetched = await collectMessages(channel);
		} catch (error) {
			if (kept.length === 0) throw error;
			this.services.logger.warn('Could not read a ticket’s history on Discord: its transcript has the stored messages only', {
				guildId: data.guildId,
				ticketId: ticket.id,
				error
			});
			return kept;
		}
		// The stored copy wins: it knows what was deleted.
		const merged = new Map(fetched.map((message) => [message.id, message]));
		for (const message of kept) merged.set(message.id, message);
		return [...merged.values()].sort(byId);
	}

	/**
	 * Renders one copy from messages already collected. The staff copy shows deleted messages, marked;
	 * the opener's copy leaves them out, as the channel shows it.
	 */
	public async render(
		data: GuildData,
		ticket: TicketRow,
		place: TranscriptPlace,
		history: readonly TranscriptMessage[],
		audience: TranscriptAudience
	): Promise<TranscriptFiles> {
		const { guild } = place;
		const messages = audience === 'staff' ? history : history.filter((message) => !message.deletedAt);
		const [category, notes] = await Promise.all([
			ticket.categoryId ? data.db.category.findUnique({ where: { id: ticket.categoryId } }) : null,
			audience === 'staff' ? data.db.ticketNote.findMany({ where: { ticketId: ticket.id }, orderBy: { id: 'asc' } }) : null
		]);
		const t = await translatorFor(guild);
		const input: TranscriptInput = {
			header: {
				guildName: guild.name,
				guildId: guild.id,
				ticketNumber: ticket.number,
				channelName: place.channelName,
				categoryName: category?.displayName ?? null,
				opener: ticket.anonymous ? null : await displayName(guild, ticket.openerId),
				claimer: await displayName(guild, ticket.claimedById),
				status: statusLabel(t, ticket.status),
				priority: priorityLabel(t, ticket.priority),
				tags: readList(ticket.tags),
				openedAt: ticket.createdAt,
				closedAt: ticket.closedAt,
				closeReason: ticket.closeReason,
				generatedAt: new Date()
			},
			messages,
			notes: notes
				? await Promise.all(
						notes.map(async (note) => ({
							authorName: (await displayName(guild, note.authorId)) ?? note.authorId,
							createdAt: note.createdAt,
							content: note.content
						}))
					)
				: null,
			anonymousUserId: ticket.anonymous ? ticket.openerId : null,
			labels: transcriptLabels(t),
			mentions: mentionNames(
				guild,
				messages,
				(notes ?? []).map((note) => note.content)
			)
		};
		const [html, txt] = await Promise.all([renderHtml(input), renderTxt(input)]);
		return { html, txt, messageCount: messages.length };
	}

	/** The staff copy saved at close, as HTML, or null when there is none (or its path is not the store's). */
	public async savedHtml(ticket: TicketRow): Promise<string | null> {
		const path = ticket.transcriptHtmlPath;
		if (!path || !resolve(path).startsWith(`${this.store.root}${sep}`)) return null;
		return readFile(path, 'utf8').catch(() => null);
	}

	/** The folder of the ticket's saved transcript, or null when there is none (or its path is not the store's). */
	private savedFolder(ticket: TicketRow): string | null {
		const path = ticket.transcriptHtmlPath;
		return path && resolve(path).startsWith(`${this.store.root}${sep}`) ? dirname(resolve(path)) : null;
	}

	/** The attachments copied beside the saved transcript (none when nothing was copied). */
	public async savedCopies(ticket: TicketRow): Promise<SavedCopy[]> {
		const folder = this.savedFolder(ticket);
		if (!folder) return [];
		const text = await readFile(join(folder, ATTACHMENTS_FOLDER, COPIES_INDEX), 'utf8').catch(() => null);
		return text ? parsed<SavedCopy[]>(text, []).filter((copy) => COPY_NAME.test(copy.file)) : [];
	}

	/** One copied attachment's bytes, by its file name in the copies' list (anything else is null). */
	public async savedCopy(ticket: TicketRow, file: string): Promise<Buffer | null> {
		const folder = this.savedFolder(ticket);
		if (!folder || !COPY_NAME.test(file)) return null;
		if (!(await this.savedCopies(ticket)).some((copy) => copy.file === file)) return null;
		return readFile(join(folder, ATTACHMENTS_FOLDER, file)).catch(() => null);
	}

	/** Saves the staff copy as the ticket's files and records where. */
	public async save(data: GuildData, ticket: TicketRow, files: TranscriptFiles): Promise<void> {
		const paths = await this.store.save(data.guildId, ticket.id, ticket.number, files);
		await data.db.ticket.update({
			where: { id: ticket.id },
			data: { transcriptHtmlPath: paths.htmlPath, transcriptTxtPath: paths.txtPath }
		});
	}

	/**
	 * What a close does with the history: saves the staff copy, posts it to the transcript channel with
	 * a summary, and sends the opener their copy by DM where the guild allows (a closed DM is fine); then
	 * records that the close's transcript is done. Catching up after a stop, a transcript the stopped
	 * process had posted already (after this close) is not posted again.
	 */
	public async archive(data: GuildData, ticketId: number, catchingUp = false): Promise<boolean> {
		const ticket = await data.db.ticket.findUnique({ where: { id: ticketId } });
		if (!ticket?.channelId || ticket.purgedAt) return false;
		const fetched = await this.services
			.discord()
			.channels.fetch(ticket.channelId)
			.catch((error: unknown) => {
				if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel) return null;
				throw error;
			});
		// A channel someone deleted: the transcript is made from what the bot stored.
		const channel = fetched && !fetched.isDMBased() && fetched.isTextBased() ? fetched : null;
		const guild = channel?.guild ?? (await guildById(this.services.discord(), data.guildId));
		if (!guild) return false;
		const place = transcriptPlace(guild, ticket.number, channel);
		const messages = await this.history(data, ticket, channel);
		// The saved copy links the attachments copied beside it: Discord's own links expire.
		const copies = await copyAttachments(this.store.folder(data.guildId, ticket.id, ticket.number), messages, {
			...this.services.attachmentCopies,
			log: this.services.logger
		});
		const savedCopy = await this.render(data, ticket, place, linkedToCopies(messages, copies), 'staff');
		await this.save(data, ticket, savedCopy);
		// What goes to Discord is a file on its own: its links are Discord's.
		const staffCopy = copies.size ? await this.render(data, ticket, place, messages, 'staff') : savedCopy;
		const settings = await data.settings();
		const t = await translatorFor(guild);
		const name = `ticket-${ticketNumber(ticket.number)}`;
		const target = settings.transcriptChannelId ? await channelById(this.services.discord(), settings.transcriptChannelId) : null;
		const summaryTitle = t(LanguageKeys.Transcripts.SummaryTitle, { number: ticketNumber(ticket.number) });
		const posted =
			catchingUp && target?.isTextBased() && ticket.closedAt
				? await this.postedSince(target, `${name}.html`, summaryTitle, ticket.closedAt)
				: false;
		if (target?.isSendable() && !posted) {
			const fits = Buffer.byteLength(staffCopy.html) + Buffer.byteLength(staffCopy.txt) <= MAX_UPLOAD_BYTES;
			const summary = await this.summary(guild, ticket, staffCopy.messageCount, t);
			if (!fits) summary.setFooter({ text: t(LanguageKeys.Transcripts.TooLarge) });
			await target.send({
				embeds: [summary],
				files: fits ? transcriptAttachments(name, staffCopy) : [],
				// One post per close, even when a request that timed out here had reached Discord and is sent again.
				nonce: `t${ticket.id}-${(ticket.closedAt?.getTime() ?? 0).toString(36)}`,
				enforceNonce: true,
				allowedMentions: { parse: [] }
			});
		}
		if (settings.dmTranscripts && ticket.openerId && !posted && !this.services.invalidRequests?.open) {
			const openerCopy = await this.render(data, ticket, place, messages, 'opener');
			await this.sendByDm(ticket.openerId, {
				content: t(LanguageKeys.Transcripts.DmIntro, {
					number: ticketNumber(ticket.number),
					guild: userText(guild.name, 100)
				}),
				files: transcriptAttachments(name, openerCopy)
			});
		}
		// Only for the close it was made for: a reopen since clears the mark, and the next close sets it.
		await data.db.ticket.updateMany({
			where: { id: ticket.id, status: TicketStatus.Closed, closedAt: ticket.closedAt },
			data: { transcriptPostedAt: new Date() }
		});
		return true;
	}

	/**
	 * Whether the bot posted this transcript in the channel since the close: the channel's messages are read
	 * back to the close (a busy channel holds log entries and other transcripts in between), at most 1,000.
	 */
	private async postedSince(channel: GuildTextBasedChannel, file: string, title: string, closedAt: Date): Promise<boolean> {
		const botId = this.services.discord().user?.id;
		let before: string | undefined;
		for (let page = 0; page < 10; page++) {
			const messages = await channel.messages
				.fetch({ limit: 100, ...(before ? { before } : {}), cache: false })
				.catch(() => null);
			if (!messages?.size) return false;
			const ours = messages.some(
				(message) =>
					message.author.id === botId &&
					message.createdTimestamp >= closedAt.getTime() &&
					(message.attachments.some((attachment) => attachment.name === file) ||
						message.embeds.some((embed) => embed.title === title))
			);
			if (ours) return true;
			const oldest = messages.reduce((a, b) => (BigInt(a.id) < BigInt(b.id) ? a : b));
			if (oldest.createdTimestamp < closedAt.getTime() || messages.size < 100) return false;
			before = oldest.id;
		}
		return false;
	}

	/** Sends a DM; false when the member does not take DMs from the bot. */
	public async sendByDm(userId: string, payload: { content: string; files: AttachmentBuilder[] }): Promise<boolean> {
		try {
			const user = await this.services.discord().users.fetch(userId);
			await user.send({ ...payload, allowedMentions: { parse: [] } });
			return true;
		} catch (error) {
			if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) return false;
			throw error;
		}
	}

	/** Archives now: the channel that holds the history is about to go. */
	public async archiveNow(guildId: string, ticketId: number): Promise<void> {
		await this.archive(this.services.db.forGuild(guildId), ticketId);
	}

	/** Archives in the background, as tracked work, so the close answers at once; a failure is logged. */
	public queueArchive(guildId: string, ticketId: number): void {
		void this.services.work
			.run(() => this.archive(this.services.db.forGuild(guildId), ticketId))
			.catch((error: unknown) =>
				this.services.logger.error('Could not save the transcript of a closed ticket', { guildId, ticketId, error })
			);
	}

	/** At start-up: closed tickets whose transcript was never written or posted (the bot stopped in between) get it now. */
	public async catchUp(): Promise<number> {
		const guildIds = [...this.services.discord().guilds.cache.keys()];
		// A system-wide pass over this shard's guilds; each archive goes through the guild's scoped client.
		const missing = await this.services.db.prisma.ticket.findMany({
			where: {
				guildId: { in: guildIds },
				status: TicketStatus.Closed,
				channelId: { not: null },
				transcriptPostedAt: null,
				purgedAt: null
			},
			select: { id: true, guildId: true }
		});
		let done = 0;
		for (const ticket of missing) {
			const archived = await this.services.work
				.run(() => this.archive(this.services.db.forGuild(ticket.guildId), ticket.id, true))
				.catch((error: unknown) => {
					this.services.logger.error('Could not save a missing transcript', { ...ticket, error });
					return false;
				});
			done += Number(archived);
		}
		return done;
	}

	private async summary(guild: Guild, ticket: TicketRow, messageCount: number, t: Translate): Promise<EmbedBuilder> {
		const category = ticket.categoryId
			? await this.services.db.forGuild(guild.id).db.category.findUnique({ where: { id: ticket.categoryId } })
			: null;
		const mention = (id: string | null) => (id ? `<@${id}>` : '—');
		return new EmbedBuilder()
			.setColor(0x5865f2)
			.setTitle(t(LanguageKeys.Transcripts.SummaryTitle, { number: ticketNumber(ticket.number) }))
			.addFields(
				{ name: t(LanguageKeys.Transcripts.Category), value: category ? userText(category.displayName, 80) : '—', inline: true },
				{
					name: t(LanguageKeys.Transcripts.Opener),
					value: ticket.anonymous ? t(LanguageKeys.Tickets.InfoAnonymous) : mention(ticket.openerId),
					inline: true
				},
				{ name: t(LanguageKeys.Transcripts.ClaimedBy), value: mention(ticket.claimedById), inline: true },
				{ name: t(LanguageKeys.Transcripts.ClosedBy), value: mention(ticket.closedById), inline: true },
				{ name: t(LanguageKeys.Transcripts.Messages), value: String(messageCount), inline: true },
				{
					name: t(LanguageKeys.Transcripts.Opened),
					value: time(ticket.createdAt, TimestampStyles.ShortDateTime),
					inline: true
				},
				{ name: t(LanguageKeys.Transcripts.Reason), value: ticket.closeReason ? userText(ticket.closeReason, 1000) : '—' }
			);
	}
}

/** The two files of a transcript as attachments. */
export function transcriptAttachments(name: string, files: TranscriptFiles): AttachmentBuilder[] {
	return [
		new AttachmentBuilder(Buffer.from(files.html, 'utf8'), { name: `${name}.html` }),
		new AttachmentBuilder(Buffer.from(files.txt, 'utf8'), { name: `${name}.txt` })
	];
}
