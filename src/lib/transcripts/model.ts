import type { ArchivedEmbed } from '../archive/record.js';

/**
 * What a transcript is made of, independent of discord.js: the renderers (TXT and HTML) and the file
 * store work on these shapes only. Every string here is as users wrote it: renderers escape.
 */
export interface TranscriptAuthor {
	id: string;
	/** Display name in the guild (nickname, else global name, else username). */
	name: string;
	/** The account's username. */
	username: string;
	bot: boolean;
	avatarUrl: string | null;
}

/** An embed as a transcript shows it (the archive stores the same shape). */
export type TranscriptEmbed = ArchivedEmbed;

export interface TranscriptAttachment {
	name: string;
	url: string;
	size: number;
	contentType: string | null;
}

export interface TranscriptMessage {
	id: string;
	author: TranscriptAuthor;
	createdAt: Date;
	editedAt: Date | null;
	/** When the message was deleted (only the message archive knows); absent or null: it is still there. */
	deletedAt?: Date | null;
	content: string;
	embeds: TranscriptEmbed[];
	attachments: TranscriptAttachment[];
	/** The message this one replies to, if any. */
	replyToId: string | null;
}

export interface TranscriptNote {
	authorName: string;
	createdAt: Date;
	content: string;
}

export interface TranscriptHeader {
	guildName: string;
	guildId: string;
	ticketNumber: number;
	channelName: string;
	categoryName: string | null;
	/** The opener's display name; null for an anonymous ticket (the transcript then never names them). */
	opener: string | null;
	claimer: string | null;
	status: string;
	priority: string;
	tags: string[];
	openedAt: Date;
	closedAt: Date | null;
	closeReason: string | null;
	generatedAt: Date;
}

/** Who a copy is for: the staff copy includes the internal notes, the opener's never does. */
export type TranscriptAudience = 'staff' | 'opener';

/** Names the bot knew for the IDs that messages mention (<@user>, <@&role>, <#channel>), by ID. */
export interface MentionNames {
	users: ReadonlyMap<string, string>;
	roles: ReadonlyMap<string, string>;
	channels: ReadonlyMap<string, string>;
}

/** The words of a transcript file, in the guild's language (see labels.ts). */
export interface TranscriptLabels {
	/** The HTML lang attribute. */
	language: string;
	server: string;
	channel: string;
	category: string;
	openedBy: string;
	claimedBy: string;
	status: string;
	priority: string;
	tags: string;
	opened: string;
	closed: string;
	reason: string;
	messages: string;
	generated: string;
	ticket: string;
	/** Stands for the opener of an anonymous ticket wherever they would be named. */
	anonymous: string;
	/** The header's "opened by" of an anonymous ticket. */
	anonymousOpener: string;
	edited: string;
	deleted: string;
	bot: string;
	replyAt(name: string, time: string): string;
	replyMissing: string;
	notes(count: number): string;
	embed: string;
	attachment: string;
	noText: string;
	fields(count: number): string;
}

export interface TranscriptInput {
	header: TranscriptHeader;
	/** Oldest first. */
	messages: readonly TranscriptMessage[];
	/** Internal notes: given for the staff copy only. */
	notes: readonly TranscriptNote[] | null;
	/** For an anonymous ticket, messages by this user are shown as "Anonymous". */
	anonymousUserId: string | null;
	labels: TranscriptLabels;
	/** Names to show for mentions; an ID without one is shown as the ID. */
	mentions?: MentionNames;
}
