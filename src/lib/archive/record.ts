/**
 * A message as the gateway or the history delivers it: what the archive reads of discord.js's Message
 * (which fits this shape), so the archive can be fed without a client.
 */
export interface SeenMessage {
	readonly id: string;
	readonly channelId: string;
	readonly guildId: string | null;
	readonly author: { readonly id: string; readonly username: string; readonly globalName: string | null; readonly bot: boolean };
	readonly member: { readonly displayName: string } | null;
	readonly content: string;
	readonly embeds: readonly {
		readonly title: string | null;
		readonly description: string | null;
		readonly url: string | null;
		readonly author: { readonly name: string } | null;
		readonly footer: { readonly text: string } | null;
		readonly fields: readonly { readonly name: string; readonly value: string }[];
		readonly color: number | null;
	}[];
	readonly attachments: ReadonlyMap<
		string,
		{
			readonly id: string;
			readonly name: string;
			readonly size: number;
			readonly contentType: string | null;
			readonly url: string;
		}
	>;
	readonly reference: { readonly messageId?: string | undefined } | null;
	readonly createdAt: Date;
	readonly editedAt: Date | null;
}

/** What a transcript shows of an embed. */
export interface ArchivedEmbed {
	title: string | null;
	description: string | null;
	url: string | null;
	authorName: string | null;
	footer: string | null;
	fields: { name: string; value: string }[];
	color: number | null;
}

export interface ArchivedAttachment {
	id: string;
	name: string;
	size: number;
	contentType: string | null;
	url: string;
}

/** A stored message of a ticket, its JSON columns read. */
export interface ArchivedMessage {
	messageId: string;
	authorId: string;
	authorName: string;
	authorUsername: string;
	authorBot: boolean;
	content: string;
	embeds: ArchivedEmbed[];
	attachments: ArchivedAttachment[];
	replyToId: string | null;
	createdAt: Date;
	editedAt: Date | null;
	deletedAt: Date | null;
}

/** The columns a message fills, as Discord shows it now (the author's name as the guild shows it). */
export function messageColumns(message: SeenMessage) {
	return {
		authorId: message.author.id,
		authorName: message.member?.displayName ?? message.author.globalName ?? message.author.username,
		authorUsername: message.author.username,
		authorBot: message.author.bot,
		...editableColumns(message),
		replyToId: message.reference?.messageId ?? null,
		createdAt: message.createdAt
	};
}

/** What a transcript keeps of an embed, from Discord's (the archive's copy, and a history page's). */
export function shownEmbed(embed: SeenMessage['embeds'][number]): ArchivedEmbed {
	return {
		title: embed.title,
		description: embed.description,
		url: embed.url,
		authorName: embed.author?.name ?? null,
		footer: embed.footer?.text ?? null,
		fields: embed.fields.map((field) => ({ name: field.name, value: field.value })),
		color: embed.color
	};
}

/** The columns an edit changes. */
export function editableColumns(message: SeenMessage) {
	const embeds = message.embeds.map(shownEmbed);
	const attachments: ArchivedAttachment[] = [...message.attachments.values()].map((attachment) => ({
		id: attachment.id,
		name: attachment.name,
		size: attachment.size,
		contentType: attachment.contentType,
		url: attachment.url
	}));
	return {
		content: message.content,
		embeds: JSON.stringify(embeds),
		attachments: JSON.stringify(attachments),
		editedAt: message.editedAt
	};
}

/** A JSON list column; bad stored text reads as empty. */
export function readJsonList<T>(text: string): T[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? (value as T[]) : [];
	} catch {
		return [];
	}
}
