import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseTags } from '../../lib/categories/parse.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { PRIORITIES, type Priority } from '../../lib/model/priorities.js';
import { claim, unclaim } from '../../lib/tickets/claim.js';
import { close } from '../../lib/tickets/close.js';
import { isOpener, transcriptCopy } from '../../lib/access/policy.js';
import { INFO_IN_FULL, ticketInfo } from '../../lib/tickets/info.js';
import { loadTicket } from '../../lib/tickets/ticket.js';
import { linkedToCopies } from '../../lib/transcripts/attachmentCopies.js';
import { reopen } from '../../lib/tickets/lock.js';
import { addNote } from '../../lib/tickets/note.js';
import type { TicketOutcome, UseCase } from '../../lib/tickets/outcome.js';
import { addUser, removeUser } from '../../lib/tickets/participants.js';
import { setPriority } from '../../lib/tickets/priority.js';
import { setTags } from '../../lib/tickets/tags.js';
import type { WebContext } from '../context.js';
import { readFlash, setFlash } from '../flash.js';
import { webText } from '../i18n.js';
import { runTicketAction } from '../ticketAction.js';
import { namesIn, webMember, type WebMember } from '../members.js';
import { ticketPage } from '../pages/ticket.js';

type Form = Record<string, string | undefined>;

/**
 * Transcripts are documents, not pages of this site: no script, nothing loaded from elsewhere. Their
 * links may open (Discord's in a new tab, a copied attachment in place).
 */
const TRANSCRIPT_CSP =
	"sandbox allow-popups allow-popups-to-escape-sandbox allow-downloads; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A use case the ticket page offers, and how its form becomes the use case's input (a bad form is refused). */
interface WebAction {
	useCase: UseCase<never, TicketOutcome>;
	input(form: Form): unknown;
}

const text = (form: Form, name: string) => (form[name] ?? '').trim();
const snowflake = (value: string) => {
	if (!/^\d{17,20}$/.test(value)) throw new Refusal({ key: LanguageKeys.Errors.InvalidOption, args: { argument: 'userId' } });
	return value;
};

const ACTIONS: Record<string, WebAction> = {
	claim: { useCase: claim, input: () => undefined },
	unclaim: { useCase: unclaim, input: () => undefined },
	close: { useCase: close, input: (form) => ({ reason: text(form, 'reason').slice(0, 500) || null }) },
	reopen: { useCase: reopen, input: () => undefined },
	note: { useCase: addNote, input: (form) => ({ text: text(form, 'text').slice(0, 1000) }) },
	priority: {
		useCase: setPriority,
		input: (form) => {
			const priority = text(form, 'priority');
			if (!(PRIORITIES as readonly string[]).includes(priority))
				throw new Refusal({ key: LanguageKeys.Errors.InvalidOption, args: { argument: 'priority' } });
			return { priority: priority as Priority };
		}
	},
	tags: { useCase: setTags, input: (form) => ({ tags: parseTags(text(form, 'tags')) }) },
	'add-member': { useCase: addUser, input: (form) => ({ userId: snowflake(text(form, 'userId')) }) },
	'remove-member': { useCase: removeUser, input: (form) => ({ userId: snowflake(text(form, 'userId')) }) }
};

/** One ticket's page, and its actions: each a use case, whose answer Discord shows at once where it belongs. */
export function ticketRoutes(app: FastifyInstance, web: WebContext): void {
	const { services } = web;

	/** The member and the ticket a request names, or null (both answer 404: nobody learns a ticket exists). */
	const resolve = async (request: FastifyRequest<{ Params: { guildId: string; number: string } }>) => {
		if (!request.session) return null;
		const member = await webMember(services.discord, services.env.OWNER_IDS, request.params.guildId, request.session.userId);
		const number = Number.parseInt(request.params.number, 10);
		if (!member || !Number.isSafeInteger(number) || String(number) !== request.params.number) return null;
		const row = await services.db.forGuild(member.guild.id).db.ticket.findFirst({ where: { number }, select: { id: true } });
		return row ? { member, ticketId: row.id } : null;
	};

	/** Who reads a ticket's transcript and which copy the policy gives them, or null (404: nobody learns it exists). */
	const transcriptReader = async (request: FastifyRequest<{ Params: { guildId: string; number: string } }>) => {
		const found = await resolve(request);
		if (!found) return null;
		const scene = await loadTicket(services.ticketServices, found.member.guild.id, found.ticketId).catch((error: unknown) => {
			if (error instanceof Refusal) return null;
			throw error;
		});
		const copy = scene && transcriptCopy(found.member.actor, scene.roles, scene.team, scene.parties);
		return scene && copy ? { member: found.member, scene, copy } : null;
	};

	const location = (member: WebMember, number: string) => `/g/${member.guild.id}/t/${number}`;

	app.get<{ Params: { guildId: string; number: string } }>('/g/:guildId/t/:number', async (request, reply) => {
		if (!request.session) return reply.redirect('/login');
		const found = await resolve(request);
		if (!found) return web.notFound(request, reply);
		const { member, ticketId } = found;
		const { t, locale } = request.lang;
		const info = await ticketInfo
			.run(services.ticketServices, member.actor, { guildId: member.guild.id, ticketId }, INFO_IN_FULL)
			.catch((error: unknown) => {
				if (error instanceof Refusal) return null;
				throw error;
			});
		if (!info) return web.notFound(request, reply);
		const flash = readFlash(request, reply);
		const names = namesIn(member.guild);
		const title = t(LanguageKeys.Web.TicketTitle, { number: String(info.ticket.number).padStart(4, '0') });
		return web.page(
			request,
			reply,
			title,
			ticketPage(t, locale, {
				guildId: member.guild.id,
				info,
				viewerId: member.actor.userId,
				nameOf: names.user,
				csrf: reply.generateCsrf(),
				transcript:
					info.works ||
					isOpener(member.actor, {
						openerId: info.ticket.openerId,
						ownerId: info.ticket.ownerId,
						participantIds: info.participantIds
					}),
				flash
			})
		);
	});

	/**
	 * The transcript, in the copy the policy gives the reader: staff the one saved at close (with the
	 * notes), or rendered now while the ticket is open; the opener their own, never with the notes. It
	 * is served as a sandboxed document: no script runs, nothing is loaded from elsewhere.
	 */
	app.get<{ Params: { guildId: string; number: string } }>('/g/:guildId/t/:number/transcript', async (request, reply) => {
		if (!request.session) return reply.redirect('/login');
		const reader = await transcriptReader(request);
		if (!reader) return web.notFound(request, reply);
		const { member, scene, copy } = reader;
		let html = copy === 'staff' ? await services.transcripts.savedHtml(scene.ticket) : null;
		if (!html) {
			const channel = scene.ticket.channelId ? await member.guild.channels.fetch(scene.ticket.channelId).catch(() => null) : null;
			if (!channel?.isTextBased()) return web.notFound(request, reply);
			const history = await services.transcripts.history(scene.data, scene.ticket, channel);
			// Attachments copied at close are linked to their copies: Discord's links expire.
			const copies = new Map(
				(await services.transcripts.savedCopies(scene.ticket)).map((saved) => [saved.url, `attachments/${saved.file}`])
			);
			html = (await services.transcripts.render(scene.data, scene.ticket, channel, linkedToCopies(history, copies), copy)).html;
		}
		return reply
			.header('content-security-policy', TRANSCRIPT_CSP)
			.header('cache-control', 'private, no-store')
			.type('text/html; charset=utf-8')
			.send(html);
	});

	/**
	 * An attachment copied beside the transcript at close, to whoever may read the transcript: the
	 * opener only those of messages still there (their copy leaves deleted ones out). Always a download,
	 * never a page of this site.
	 */
	app.get<{ Params: { guildId: string; number: string; file: string } }>(
		'/g/:guildId/t/:number/attachments/:file',
		async (request, reply) => {
			if (!request.session) return reply.redirect('/login');
			const reader = await transcriptReader(request);
			if (!reader) return web.notFound(request, reply);
			const { scene, copy } = reader;
			const ticketId = scene.ticket.id;
			const { file } = request.params;
			const saved = (await services.transcripts.savedCopies(scene.ticket)).find((entry) => entry.file === file);
			if (!saved) return web.notFound(request, reply);
			if (copy === 'opener') {
				const message = await scene.data.db.ticketMessage.findFirst({
					where: { ticketId, messageId: saved.messageId },
					select: { deletedAt: true }
				});
				if (message?.deletedAt) return web.notFound(request, reply);
			}
			const bytes = await services.transcripts.savedCopy(scene.ticket, file);
			if (!bytes) return web.notFound(request, reply);
			return reply
				.header('content-security-policy', "sandbox; default-src 'none'")
				.header('content-disposition', `attachment; filename="${file}"`)
				.header('x-content-type-options', 'nosniff')
				.header('cache-control', 'private, no-store')
				.type('application/octet-stream')
				.send(bytes);
		}
	);

	app.post<{ Params: { guildId: string; number: string; action: string }; Body: Form }>(
		'/g/:guildId/t/:number/:action',
		{ preHandler: app.csrfProtection },
		async (request, reply) => {
			if (!request.session) return reply.redirect('/login', 303);
			const action = Object.hasOwn(ACTIONS, request.params.action) ? ACTIONS[request.params.action] : undefined;
			const found = action ? await resolve(request) : null;
			if (!action || !found) return web.notFound(request, reply);
			const { member, ticketId } = found;
			const { t, locale } = request.lang;
			const names = namesIn(member.guild);
			try {
				const input = action.input(request.body ?? {}) as never;
				const outcome = await runTicketAction(services, member, ticketId, action.useCase, input);
				setFlash(reply, { kind: 'done', text: webText(t, outcome.notice, names, locale) }, web.secure);
			} catch (error) {
				if (!(error instanceof Refusal)) throw error;
				setFlash(reply, { kind: 'refused', text: webText(t, error.notice, names, locale) }, web.secure);
			}
			return reply.redirect(location(member, request.params.number), 303);
		}
	);
}
