import { yieldToEventLoop } from '../lifecycle/eventLoop.js';
import { withMentionNames } from './mentions.js';
import type { TranscriptInput, TranscriptMessage } from './model.js';

/** Messages rendered between two yields to the event loop: a 10,000-message ticket never stalls the bot. */
export const CHUNK = 250;

/** Plain text without control characters (tabs and newlines stay). */
export function plain(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, '');
}

export function utc(date: Date): string {
	return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function ticketLabel(number: number): string {
	return `#${String(number).padStart(4, '0')}`;
}

export function byteSize(size: number): string {
	if (size < 1024) return `${size} B`;
	if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
	return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}

/** How an author is named in a copy: never the opener of an anonymous ticket. */
export function authorLabel(input: TranscriptInput, message: TranscriptMessage): string {
	if (input.anonymousUserId && message.author.id === input.anonymousUserId) return input.labels.anonymous;
	const { name, username } = message.author;
	return name === username ? name : `${name} (${username})`;
}

const indent = (text: string) => plain(text).replaceAll('\n', '\n    ');

/** One line of a transcript's header: a label and what users or the bot wrote (renderers escape). */
export interface HeaderFact {
	label: string;
	value: string;
	/** Shown smaller after the value (the server's ID). */
	aside?: string;
	/** The value is user text with Discord markdown (the close reason). */
	markdown?: boolean;
}

/** What both copies say about the ticket before its messages. */
export function headerFacts(input: TranscriptInput): HeaderFact[] {
	const { header, labels } = input;
	const none = '—';
	return [
		{ label: labels.server, value: header.guildName, aside: header.guildId },
		{ label: labels.channel, value: `#${header.channelName}` },
		{ label: labels.category, value: header.categoryName ?? none },
		{ label: labels.openedBy, value: header.opener ?? labels.anonymousOpener },
		{ label: labels.claimedBy, value: header.claimer ?? none },
		{ label: labels.status, value: header.status },
		{ label: labels.priority, value: header.priority },
		{ label: labels.tags, value: header.tags.length ? header.tags.join(', ') : none },
		{ label: labels.opened, value: utc(header.openedAt) },
		{ label: labels.closed, value: header.closedAt ? utc(header.closedAt) : none },
		{ label: labels.reason, value: header.closeReason ?? none, markdown: header.closeReason !== null },
		{ label: labels.messages, value: String(input.messages.length) },
		{ label: labels.generated, value: utc(header.generatedAt) }
	];
}

/** The copy's title: "Ticket #0007 · Server". */
export function transcriptTitle(input: TranscriptInput): string {
	return `${input.labels.ticket} ${ticketLabel(input.header.ticketNumber)} · ${input.header.guildName}`;
}

function header(input: TranscriptInput): string[] {
	// The title already names the server.
	const facts = headerFacts(input).slice(1);
	const width = Math.max(...facts.map((fact) => fact.label.length)) + 2;
	return [
		plain(`${transcriptTitle(input)} (${input.header.guildId})`),
		...facts.map((fact) => `${`${fact.label}:`.padEnd(width)}${indent(fact.value)}${fact.aside ? ` (${fact.aside})` : ''}`),
		''
	];
}

function messageLines(
	input: TranscriptInput,
	message: TranscriptMessage,
	byId: ReadonlyMap<string, TranscriptMessage>
): string[] {
	const { labels } = input;
	const edited = `${message.editedAt ? ` (${labels.edited})` : ''}${message.deletedAt ? ` (${labels.deleted})` : ''}`;
	const bot = message.author.bot ? ` [${labels.bot}]` : '';
	const text = (value: string) => indent(withMentionNames(input, value));
	const lines = [`[${utc(message.createdAt)}] ${plain(authorLabel(input, message))}${bot}${edited}: ${text(message.content)}`];
	if (message.replyToId) {
		const original = byId.get(message.replyToId);
		lines.push(
			original
				? `    [${labels.replyAt(plain(authorLabel(input, original)), utc(original.createdAt))}]`
				: `    [${labels.replyMissing}]`
		);
	}
	for (const embed of message.embeds) {
		const title = [embed.title, embed.description]
			.filter(Boolean)
			.map((part) => text(part!))
			.join(' — ');
		const fields = embed.fields.length ? ` (${labels.fields(embed.fields.length)})` : '';
		lines.push(`    [${labels.embed}] ${title || `(${labels.noText})`}${fields}`);
		for (const field of embed.fields) lines.push(`      ${indent(field.name)}: ${text(field.value)}`);
	}
	for (const attachment of message.attachments)
		lines.push(`    [${labels.attachment}] ${plain(attachment.name)} (${byteSize(attachment.size)}) ${plain(attachment.url)}`);
	return lines;
}

/** The TXT transcript: a header, one line per message (embeds and attachments below it), and for staff the notes. */
export async function renderTxt(input: TranscriptInput): Promise<string> {
	const lines = header(input);
	const byId = new Map(input.messages.map((message) => [message.id, message]));
	for (let index = 0; index < input.messages.length; index++) {
		if (index > 0 && index % CHUNK === 0) await yieldToEventLoop();
		lines.push(...messageLines(input, input.messages[index]!, byId));
	}
	if (input.notes) {
		lines.push('', input.labels.notes(input.notes.length));
		for (const note of input.notes)
			lines.push(`[${utc(note.createdAt)}] ${plain(note.authorName)}: ${indent(withMentionNames(input, note.content))}`);
	}
	return `${lines.join('\n')}\n`;
}
