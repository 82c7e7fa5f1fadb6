import { ATTACHMENTS_FOLDER, COPY_NAME } from './attachmentCopies.js';
import { kindOf, mentionLabel, withMentionNames } from './mentions.js';
import type { TranscriptEmbed, TranscriptInput, TranscriptMessage } from './model.js';
import { yieldToEventLoop } from '../lifecycle/eventLoop.js';
import { authorLabel, byteSize, CHUNK, headerFacts, plain, transcriptTitle, utc } from './txt.js';
import { cut } from '../text/cut.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: nothing a user wrote can open a tag or an attribute. */
export function escapeHtml(text: string): string {
	return plain(text).replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Only web links become links; javascript:, data: and the rest stay text. */
function safeUrl(url: string | null): string | null {
	if (!url) return null;
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
	} catch {
		return null;
	}
}

/** The relative link of an attachment copied beside the transcript, or null for any other URL. */
function copyLink(url: string): string | null {
	const [folder, name, ...rest] = url.split('/');
	return folder === ATTACHMENTS_FOLDER && name && rest.length === 0 && COPY_NAME.test(name) ? url : null;
}

function link(url: string, text: string): string {
	return `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>`;
}

/**
 * Discord's markdown on text that is already escaped: every pattern below matches escaped text and
 * emits only this file's own fixed tags, so user input can never produce markup of its own.
 */
function inlineMarkdown(escaped: string, input: TranscriptInput | null): string {
	return escaped
		.replace(/`([^`\n]+)`/g, '<code>$1</code>')
		.replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
		.replace(/__([^_\n]+)__/g, '<u>$1</u>')
		.replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<em>$2</em>')
		.replace(/(^|[^_\w])_([^_\n]+)_(?!\w)/g, '$1<em>$2</em>')
		.replace(/~~([^~\n]+)~~/g, '<s>$1</s>')
		.replace(
			/&lt;(@!?|@&amp;|#)(\d{1,20})&gt;/g,
			(_match, sigil: string, id: string) => `<span class="mention">${escapeHtml(mentionLabel(input, kindOf(sigil), id))}</span>`
		)
		.replace(/\bhttps?:\/\/[^\s<>"']+/g, (url) => {
			const raw = url.replace(/&amp;/g, '&');
			const safe = safeUrl(raw);
			return safe ? link(safe, url) : url;
		});
}

/** Message text: code blocks kept verbatim, quotes, then inline markdown, line breaks; mentions named from the input. */
export function renderMarkdown(text: string, input: TranscriptInput | null = null): string {
	const parts = escapeHtml(text).split(/```/);
	return parts
		.map((part, index) => {
			if (index % 2 === 1 && index < parts.length - 1) return `<pre>${part.replace(/^[\w+-]*\n/, '')}</pre>`;
			return part
				.split('\n')
				.map((line) => {
					const quote = /^&gt; (.*)$/.exec(line);
					return quote ? `<blockquote>${inlineMarkdown(quote[1]!, input)}</blockquote>` : inlineMarkdown(line, input);
				})
				.join('<br>');
		})
		.join('');
}

const AVATAR_COLORS = ['#5865f2', '#57f287', '#fee75c', '#eb459e', '#ed4245', '#3ba55c', '#faa61a', '#9b59b6'];

function avatar(input: TranscriptInput, message: TranscriptMessage): string {
	const anonymous = input.anonymousUserId !== null && message.author.id === input.anonymousUserId;
	const name = anonymous ? '?' : message.author.name;
	const initial = escapeHtml([...name.trim()][0]?.toUpperCase() ?? '?');
	const hash = [...message.author.id].reduce((sum, character) => sum + character.charCodeAt(0), 0);
	const color = anonymous ? '#747f8d' : AVATAR_COLORS[hash % AVATAR_COLORS.length];
	return `<div class="avatar" style="background:${color}">${initial}</div>`;
}

function embedHtml(input: TranscriptInput, embed: TranscriptEmbed): string {
	const color = embed.color === null ? '#4f545c' : `#${embed.color.toString(16).padStart(6, '0').slice(-6)}`;
	const url = safeUrl(embed.url);
	const title = embed.title ? escapeHtml(embed.title) : '';
	return [
		`<div class="embed" style="border-color:${color}">`,
		embed.authorName ? `<div class="embed-author">${escapeHtml(embed.authorName)}</div>` : '',
		title ? `<div class="embed-title">${url ? link(url, title) : title}</div>` : '',
		embed.description ? `<div class="embed-description">${renderMarkdown(embed.description, input)}</div>` : '',
		embed.fields.length
			? `<div class="embed-fields">${embed.fields
					.map(
						(field) =>
							`<div class="embed-field"><div class="embed-field-name">${escapeHtml(field.name)}</div><div>${renderMarkdown(field.value, input)}</div></div>`
					)
					.join('')}</div>`
			: '',
		embed.footer ? `<div class="embed-footer">${escapeHtml(embed.footer)}</div>` : '',
		'</div>'
	].join('');
}

/** The line above a reply: who it answers and how their message began, linked to it when it is in the copy. */
function replyHtml(input: TranscriptInput, message: TranscriptMessage, byId: ReadonlyMap<string, TranscriptMessage>): string {
	const original = byId.get(message.replyToId!);
	if (!original) return `<div class="reply">↪ <span class="muted">${escapeHtml(input.labels.replyMissing)}</span></div>`;
	const text = withMentionNames(input, original.content).replace(/\s+/g, ' ');
	const snippet = cut(text, 80);
	return `<div class="reply">↪ <a href="#m${escapeHtml(original.id)}">${escapeHtml(authorLabel(input, original))}</a> <span class="muted">${escapeHtml(snippet)}</span></div>`;
}

function messageBody(input: TranscriptInput, message: TranscriptMessage, byId: ReadonlyMap<string, TranscriptMessage>): string {
	const parts: string[] = [];
	if (message.replyToId) parts.push(replyHtml(input, message, byId));
	if (message.content) parts.push(`<div class="content">${renderMarkdown(message.content, input)}</div>`);
	for (const embed of message.embeds) parts.push(embedHtml(input, embed));
	for (const attachment of message.attachments) {
		const name = escapeHtml(attachment.name);
		// A copy kept beside the transcript is linked relatively (it opens in place); others go to Discord.
		const copy = copyLink(attachment.url);
		const url = copy ? null : safeUrl(attachment.url);
		const shown = copy
			? `<a href="${escapeHtml(copy)}" download="${name}">${name}</a>`
			: url
				? link(url, name)
				: `${name} <span class="muted">${escapeHtml(attachment.url)}</span>`;
		parts.push(`<div class="attachment">📎 ${shown} <span class="muted">${byteSize(attachment.size)}</span></div>`);
	}
	if (message.editedAt) parts.push(`<span class="muted">(${escapeHtml(input.labels.edited)})</span>`);
	if (message.deletedAt) parts.push(`<span class="muted">(${escapeHtml(input.labels.deleted)})</span>`);
	return parts.join('');
}

const GROUP_MS = 7 * 60_000;

const STYLE = `
body{margin:0;background:#313338;color:#dbdee1;font:15px/1.4 "gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,sans-serif}
header{background:#2b2d31;padding:16px 24px;border-bottom:1px solid #1e1f22}
h1{margin:0 0 8px;font-size:20px;color:#f2f3f5}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}
dt{color:#949ba4}dd{margin:0}
main{padding:8px 0 24px}
.group{display:flex;gap:16px;padding:8px 24px 2px}
.group:hover{background:#2e3035}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center}
.author{font-weight:600;color:#f2f3f5}
.badge{background:#5865f2;color:#fff;border-radius:3px;font-size:10px;padding:1px 4px;margin-left:4px;vertical-align:middle}
.time,.muted{color:#949ba4;font-size:12px}
.message{margin-top:2px;overflow-wrap:anywhere}
.deleted{opacity:.6}
.content a,.attachment a,.embed a{color:#00a8fc}
code{background:#2b2d31;border-radius:3px;padding:0 3px;font-family:Consolas,monospace;font-size:13px}
pre{background:#2b2d31;border:1px solid #1e1f22;border-radius:4px;padding:8px;white-space:pre-wrap;font-family:Consolas,monospace;font-size:13px}
blockquote{margin:0;padding-left:8px;border-left:4px solid #4e5058}
.mention{background:rgba(88,101,242,.3);color:#c9cdfb;border-radius:3px;padding:0 2px}
.embed{background:#2b2d31;border-left:4px solid;border-radius:4px;padding:8px 12px;margin:4px 0;max-width:520px}
.embed-title{font-weight:600;color:#f2f3f5}
.embed-author,.embed-footer{font-size:12px;color:#b5bac1}
.embed-fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:4px 8px;margin-top:4px}
.embed-field-name{font-weight:600;font-size:13px}
.reply{color:#949ba4;font-size:13px}
.reply a{color:#f2f3f5;text-decoration:none}
.attachment{margin:4px 0}
section.notes{margin:16px 24px;padding:12px 16px;background:#3f2f1f;border-radius:6px}
section.notes h2{margin:0 0 8px;font-size:16px;color:#faa61a}
`;

/**
 * The HTML transcript: one self-contained file (inline style, no script, nothing loaded from the
 * network, a Content-Security-Policy that forbids it anyway) that reads like the Discord channel.
 */
export async function renderHtml(input: TranscriptInput): Promise<string> {
	const title = escapeHtml(transcriptTitle(input));
	const facts = headerFacts(input).map((fact) => {
		const value = fact.markdown ? renderMarkdown(fact.value, input) : escapeHtml(fact.value);
		const aside = fact.aside ? ` <span class="muted">${escapeHtml(fact.aside)}</span>` : '';
		return `<dt>${escapeHtml(fact.label)}</dt><dd>${value}${aside}</dd>`;
	});
	const out: string[] = [
		'<!DOCTYPE html>',
		`<html lang="${escapeHtml(input.labels.language)}"><head><meta charset="utf-8">`,
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${title}</title><style>${STYLE}</style></head><body>`,
		`<header><h1>${title}</h1><dl>${facts.join('')}</dl></header>`,
		'<main>'
	];
	const byId = new Map(input.messages.map((message) => [message.id, message]));
	let previous: TranscriptMessage | null = null;
	for (let index = 0; index < input.messages.length; index++) {
		if (index > 0 && index % CHUNK === 0) await yieldToEventLoop();
		const message = input.messages[index]!;
		const grouped =
			previous !== null &&
			previous.author.id === message.author.id &&
			message.createdAt.getTime() - previous.createdAt.getTime() < GROUP_MS;
		if (!grouped) {
			if (previous) out.push('</div></div>');
			out.push(
				`<div class="group">${avatar(input, message)}<div><span class="author">${escapeHtml(authorLabel(input, message))}</span>`,
				message.author.bot ? `<span class="badge">${escapeHtml(input.labels.bot)}</span>` : '',
				` <span class="time">${utc(message.createdAt)}</span>`
			);
		}
		const kind = message.deletedAt ? 'message deleted' : 'message';
		out.push(`<div class="${kind}" id="m${escapeHtml(message.id)}">${messageBody(input, message, byId)}</div>`);
		previous = message;
	}
	if (previous) out.push('</div></div>');
	out.push('</main>');
	if (input.notes) {
		out.push(`<section class="notes"><h2>${escapeHtml(input.labels.notes(input.notes.length))}</h2>`);
		for (const note of input.notes)
			out.push(
				`<p><strong>${escapeHtml(note.authorName)}</strong> <span class="time">${utc(note.createdAt)}</span><br>${renderMarkdown(note.content, input)}</p>`
			);
		out.push('</section>');
	}
	out.push('</body></html>\n');
	return out.join('');
}
