import { withMentionNames } from './mentions.js';
import type { TranscriptInput, TranscriptMessage } from './model.js';

/** Messages rendered between two yields to the event loop: a 10,000-message ticket never stalls the bot. */
export const CHUNK = 250;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
	if (input.anonymousUserId && message.author.id === input.anonymousUserId) return 'Anonymous';
	const { name, username } = message.author;
	return name === username ? name : `${name} (${username})`;
}

const indent = (text: string) => plain(text).replaceAll('\n', '\n    ');

function header(input: TranscriptInput): string[] {
	const { header } = input;
	return [
		`Ticket ${ticketLabel(header.ticketNumber)} · ${plain(header.guildName)} (${header.guildId})`,
		`Channel:    #${plain(header.channelName)}`,
		`Category:   ${header.categoryName ? plain(header.categoryName) : '—'}`,
		`Opened by:  ${header.opener === null ? 'anonymous' : plain(header.opener)}`,
		`Claimed by: ${header.claimer ? plain(header.claimer) : '—'}`,
		`Status:     ${header.status}`,
		`Priority:   ${header.priority}`,
		`Tags:       ${header.tags.length ? header.tags.map(plain).join(', ') : '—'}`,
		`Opened:     ${utc(header.openedAt)}`,
		`Closed:     ${header.closedAt ? utc(header.closedAt) : '—'}`,
		`Reason:     ${header.closeReason ? indent(header.closeReason) : '—'}`,
		`Generated:  ${utc(header.generatedAt)}`,
		`Messages:   ${input.messages.length}`,
		''
	];
}

function messageLines(
	input: TranscriptInput,
	message: TranscriptMessage,
	byId: ReadonlyMap<string, TranscriptMessage>
): string[] {
	const edited = message.editedAt ? ' (edited)' : '';
	const bot = message.author.bot ? ' [bot]' : '';
	const text = (value: string) => indent(withMentionNames(input, value));
	const lines = [`[${utc(message.createdAt)}] ${plain(authorLabel(input, message))}${bot}${edited}: ${text(message.content)}`];
	if (message.replyToId) {
		const original = byId.get(message.replyToId);
		lines.push(
			original
				? `    [reply to ${plain(authorLabel(input, original))} at ${utc(original.createdAt)}]`
				: '    [reply to a message no longer in the channel]'
		);
	}
	for (const embed of message.embeds) {
		const title = [embed.title, embed.description]
			.filter(Boolean)
			.map((part) => text(part!))
			.join(' — ');
		lines.push(`    [embed] ${title || '(no text)'}${embed.fields.length ? ` (fields: ${embed.fields.length})` : ''}`);
		for (const field of embed.fields) lines.push(`      ${indent(field.name)}: ${text(field.value)}`);
	}
	for (const attachment of message.attachments)
		lines.push(`    [attachment] ${plain(attachment.name)} (${byteSize(attachment.size)}) ${plain(attachment.url)}`);
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
		lines.push('', `Internal notes (staff only): ${input.notes.length}`);
		for (const note of input.notes)
			lines.push(`[${utc(note.createdAt)}] ${plain(note.authorName)}: ${indent(withMentionNames(input, note.content))}`);
	}
	return `${lines.join('\n')}\n`;
}
