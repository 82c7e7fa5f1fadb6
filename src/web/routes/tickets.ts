import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseTags } from '../../lib/categories/parse.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { PRIORITIES, type Priority } from '../../lib/model/priorities.js';
import { claim, unclaim } from '../../lib/tickets/claim.js';
import { close } from '../../lib/tickets/close.js';
import { isOpener } from '../../lib/access/policy.js';
import { INFO_IN_FULL, ticketInfo } from '../../lib/tickets/info.js';
import { reopen } from '../../lib/tickets/lock.js';
import { addNote } from '../../lib/tickets/note.js';
import type { TicketOutcome, UseCase } from '../../lib/tickets/outcome.js';
import { addUser, removeUser } from '../../lib/tickets/participants.js';
import { setPriority } from '../../lib/tickets/priority.js';
import { setTags } from '../../lib/tickets/tags.js';
import type { WebContext } from '../context.js';
import { readFlash, setFlash } from '../flash.js';
import { text, type Form } from '../form.js';
import { webText } from '../i18n.js';
import { runTicketAction } from '../ticketAction.js';
import { namesIn, webMember, type WebMember } from '../members.js';
import { ticketPage } from '../pages/ticket.js';
import {
	sendAttachment,
	sendTranscript,
	transcriptAttachment,
	transcriptDocument,
	transcriptReader
} from '../transcriptAccess.js';

/** A use case the ticket page offers, and how its form becomes the use case's input (a bad form is refused). */
interface WebAction {
	useCase: UseCase<never, TicketOutcome>;
	input(form: Form): unknown;
}

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
	const readerOf = async (request: FastifyRequest<{ Params: { guildId: string; number: string } }>) => {
		const found = await resolve(request);
		return found ? transcriptReader(services, found.member, found.ticketId) : null;
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
		const reader = await readerOf(request);
		const html = reader && (await transcriptDocument(services, reader));
		return html ? sendTranscript(reply, html) : web.notFound(request, reply);
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
			const reader = await readerOf(request);
			const bytes = reader && (await transcriptAttachment(services, reader, request.params.file));
			return bytes ? sendAttachment(reply, request.params.file, bytes) : web.notFound(request, reply);
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
