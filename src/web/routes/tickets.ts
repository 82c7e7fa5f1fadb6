import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseTags } from '../../lib/categories/parse.js';
import { outcomeMessage } from '../../lib/chat/render.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { PRIORITIES, type Priority } from '../../lib/model/priorities.js';
import { claim, unclaim } from '../../lib/tickets/claim.js';
import { close } from '../../lib/tickets/close.js';
import { INFO_IN_FULL, ticketInfo } from '../../lib/tickets/info.js';
import { reopen } from '../../lib/tickets/lock.js';
import { addNote } from '../../lib/tickets/note.js';
import type { TicketOutcome, UseCase } from '../../lib/tickets/outcome.js';
import { addUser, removeUser } from '../../lib/tickets/participants.js';
import { setPriority } from '../../lib/tickets/priority.js';
import { setTags } from '../../lib/tickets/tags.js';
import type { WebContext } from '../context.js';
import { webText } from '../i18n.js';
import { namesIn, webMember, type WebMember } from '../members.js';
import { ticketPage } from '../pages/ticket.js';

type Form = Record<string, string | undefined>;

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

const FLASH_COOKIE = 'ticketbot_flash';
type Flash = { kind: 'done' | 'refused'; text: string };

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
				flash
			})
		);
	});

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
				const outcome = await action.useCase.run(
					services.ticketServices,
					member.actor,
					{ guildId: member.guild.id, ticketId },
					input
				);
				if (action.useCase.audience === 'channel') await postInTicket(member, ticketId, outcome);
				await outcome.afterAnswer?.();
				setFlash(reply, { kind: 'done', text: webText(t, outcome.notice, names, locale) });
			} catch (error) {
				if (!(error instanceof Refusal)) throw error;
				setFlash(reply, { kind: 'refused', text: webText(t, error.notice, names, locale) });
			}
			return reply.redirect(location(member, request.params.number), 303);
		}
	);

	/** What the ticket's people read in Discord, as if the command had been typed there (in the guild's language). */
	async function postInTicket(member: WebMember, ticketId: number, outcome: TicketOutcome): Promise<void> {
		const row = await services.db
			.forGuild(member.guild.id)
			.db.ticket.findUnique({ where: { id: ticketId }, select: { channelId: true } });
		const channel = row?.channelId ? await member.guild.channels.fetch(row.channelId).catch(() => null) : null;
		if (!channel?.isSendable()) return;
		const { pingRoles, ...payload } = outcomeMessage(await translatorFor(member.guild), outcome);
		await channel.send({ ...payload, allowedMentions: { parse: [], roles: [...(pingRoles ?? [])] } }).catch((error: unknown) =>
			services.ticketServices.log.warn('Could not post a dashboard action in its ticket', {
				guildId: member.guild.id,
				ticketId,
				error
			})
		);
	}

	function setFlash(reply: FastifyReply, flash: Flash): void {
		reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
			path: '/g/',
			httpOnly: true,
			sameSite: 'lax',
			secure: web.secure,
			signed: true,
			maxAge: 60
		});
	}

	function readFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
		const raw = request.cookies[FLASH_COOKIE];
		if (!raw) return undefined;
		reply.clearCookie(FLASH_COOKIE, { path: '/g/' });
		const unsigned = request.unsignCookie(raw);
		if (!unsigned.valid || !unsigned.value) return undefined;
		try {
			return JSON.parse(unsigned.value) as Flash;
		} catch {
			return undefined;
		}
	}
}
