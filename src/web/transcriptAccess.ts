import type { FastifyReply } from 'fastify';
import { transcriptCopy } from '../lib/access/policy.js';
import { readJsonList } from '../lib/archive/record.js';
import { Refusal } from '../lib/errors/Refusal.js';
import { loadTicket, type TicketScene } from '../lib/tickets/ticket.js';
import { linkedToCopies } from '../lib/transcripts/attachmentCopies.js';
import { transcriptPlace } from '../lib/transcripts/TranscriptService.js';
import type { WebServices } from './context.js';
import type { WebMember } from './members.js';

/**
 * A ticket's history for the dashboard and the API, in the copy the access policy gives the reader:
 * staff the whole of it (deleted messages and the internal notes too), the opener their own (without
 * either), anyone else nothing, and nothing tells them it exists.
 */
export interface TranscriptReader {
	member: WebMember;
	scene: TicketScene;
	copy: 'staff' | 'opener';
}

export async function transcriptReader(
	services: WebServices,
	member: WebMember,
	ticketId: number
): Promise<TranscriptReader | null> {
	const scene = await loadTicket(services.ticketServices, member.guild.id, ticketId).catch((error: unknown) => {
		if (error instanceof Refusal) return null;
		throw error;
	});
	const copy = scene && transcriptCopy(member.actor, scene.roles, scene.team, scene.parties);
	return scene && copy ? { member, scene, copy } : null;
}

/**
 * Transcripts are documents, not pages of this site: no script, nothing loaded from elsewhere. Their
 * links may open (Discord's in a new tab, a copied attachment in place).
 */
const TRANSCRIPT_CSP =
	"sandbox allow-popups allow-popups-to-escape-sandbox allow-downloads; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The transcript as HTML: staff the one saved at close (with the notes), or one rendered now while the
 * ticket is open; the opener theirs. Attachments copied at close are linked to their copies, relative
 * to the transcript's address (`attachments/<file>`). Null when there is nothing to render from.
 */
export async function transcriptDocument(services: WebServices, reader: TranscriptReader): Promise<string | null> {
	const { member, scene, copy } = reader;
	const saved = copy === 'staff' ? await services.transcripts.savedHtml(scene.ticket) : null;
	if (saved) return saved;
	const fetched = scene.ticket.channelId ? await member.guild.channels.fetch(scene.ticket.channelId).catch(() => null) : null;
	const channel = fetched?.isTextBased() ? fetched : null;
	const history = await services.transcripts.history(scene.data, scene.ticket, channel);
	// A channel someone deleted: what the bot stored, if anything.
	if (!channel && history.length === 0) return null;
	const copies = new Map(
		(await services.transcripts.savedCopies(scene.ticket)).map((entry) => [entry.url, `attachments/${entry.file}`])
	);
	const place = transcriptPlace(member.guild, scene.ticket.number, channel);
	return (await services.transcripts.render(scene.data, scene.ticket, place, linkedToCopies(history, copies), copy)).html;
}

export function sendTranscript(reply: FastifyReply, html: string): FastifyReply {
	return reply
		.header('content-security-policy', TRANSCRIPT_CSP)
		.header('cache-control', 'private, no-store')
		.type('text/html; charset=utf-8')
		.send(html);
}

/** An attachment copied beside the transcript at close; the opener only those of messages still there. */
export async function transcriptAttachment(
	services: WebServices,
	reader: TranscriptReader,
	file: string
): Promise<Buffer | null> {
	const { scene, copy } = reader;
	const saved = (await services.transcripts.savedCopies(scene.ticket)).find((entry) => entry.file === file);
	if (!saved) return null;
	if (copy === 'opener') {
		const message = await scene.data.db.ticketMessage.findFirst({
			where: { ticketId: scene.ticket.id, messageId: saved.messageId },
			select: { deletedAt: true }
		});
		if (message?.deletedAt) return null;
	}
	return services.transcripts.savedCopy(scene.ticket, file);
}

/** Always a download, never a page of this site. */
export function sendAttachment(reply: FastifyReply, file: string, bytes: Buffer): FastifyReply {
	return reply
		.header('content-security-policy', "sandbox; default-src 'none'")
		.header('content-disposition', `attachment; filename="${file}"`)
		.header('x-content-type-options', 'nosniff')
		.header('cache-control', 'private, no-store')
		.type('application/octet-stream')
		.send(bytes);
}

/** Archived messages a page holds. */
export const MESSAGES_PER_PAGE = 100;

/** The ticket's archived messages, oldest first, a page at a time (pages from 0). */
export async function archivedMessages(reader: TranscriptReader, page: number) {
	const { scene, copy } = reader;
	const where = { ticketId: scene.ticket.id, ...(copy === 'opener' ? { deletedAt: null } : {}) };
	const [total, rows] = await Promise.all([
		scene.data.db.ticketMessage.count({ where }),
		scene.data.db.ticketMessage.findMany({
			where,
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
			skip: page * MESSAGES_PER_PAGE,
			take: MESSAGES_PER_PAGE
		})
	]);
	const anonymousId = scene.ticket.anonymous ? scene.ticket.openerId : null;
	return {
		total,
		pages: Math.max(1, Math.ceil(total / MESSAGES_PER_PAGE)),
		items: rows.map((row) => {
			// An anonymous ticket's opener is never named, here as in its transcript.
			const hidden = anonymousId !== null && row.authorId === anonymousId;
			return {
				id: row.messageId,
				authorId: hidden ? null : row.authorId,
				authorName: hidden ? null : row.authorName,
				bot: row.authorBot,
				content: row.content,
				attachments: readJsonList<{ name: string; size: number; contentType: string | null; url: string }>(row.attachments).map(
					({ name, size, contentType, url }) => ({ name, size, contentType: contentType ?? null, url })
				),
				replyToId: row.replyToId,
				createdAt: row.createdAt,
				editedAt: row.editedAt,
				deletedAt: row.deletedAt
			};
		})
	};
}
