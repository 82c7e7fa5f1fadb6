import type { FastifyReply, FastifyRequest } from 'fastify';
import { Refusal } from '../../lib/errors/Refusal.js';
import type { Notice } from '../../lib/i18n/notice.js';
import { setFlash } from '../flash.js';
import { webText } from '../i18n.js';
import type { WebContext } from '../context.js';
import { guildAccess, namesIn, webMember, type GuildAccess, type WebMember } from '../members.js';

export type GuildRequest = FastifyRequest<{ Params: { guildId: string } }>;

export interface GuildVisitor {
	member: WebMember;
	access: GuildAccess;
}

/**
 * Who asks for a server's page, as the policy sees them, or the answer already given: the login page for
 * someone logged out, 404 for a server the bot or the user is not in.
 */
export async function guildVisitor(
	web: WebContext,
	request: GuildRequest,
	reply: FastifyReply
): Promise<GuildVisitor | FastifyReply> {
	const { services } = web;
	const session = request.session;
	if (!session) return reply.redirect('/login');
	const member = await webMember(services.discord, services.env.OWNER_IDS, request.params.guildId, session.userId);
	if (!member) return web.notFound(request, reply);
	return { member, access: await guildAccess(services.ticketServices, member) };
}

export const isVisitor = (value: GuildVisitor | FastifyReply): value is GuildVisitor => 'member' in value && 'access' in value;

export type FormRequest = FastifyRequest<{ Params: { guildId: string; action: string } }>;

/** The visitor of a form's POST and the action its URL names, or the answer already given (login, 404). */
export async function formTarget<Action>(
	web: WebContext,
	request: FormRequest,
	reply: FastifyReply,
	actions: Record<string, Action>
): Promise<{ visitor: GuildVisitor; action: Action } | FastifyReply> {
	const action = Object.hasOwn(actions, request.params.action) ? actions[request.params.action] : undefined;
	if (!request.session) return reply.redirect('/login', 303);
	const visitor = await guildVisitor(web, request, reply);
	if (!isVisitor(visitor)) return visitor;
	if (!action) return web.notFound(request, reply);
	return { visitor, action };
}

/**
 * Runs a form's action and sends the browser back to `back` with what it answered, or with the refusal in
 * the use case's words; an action may answer itself instead (a page showing a secret once).
 */
export async function answerForm(
	web: WebContext,
	request: FastifyRequest,
	reply: FastifyReply,
	member: WebMember,
	run: () => Promise<Notice | FastifyReply>,
	back: string
): Promise<FastifyReply> {
	const { t, locale } = request.lang;
	const names = namesIn(member.guild);
	try {
		const done = await run();
		if (!('key' in done)) return done;
		setFlash(reply, { kind: 'done', text: webText(t, done, names, locale) }, web.secure);
	} catch (error) {
		if (!(error instanceof Refusal)) throw error;
		setFlash(reply, { kind: 'refused', text: webText(t, error.notice, names, locale) }, web.secure);
	}
	return reply.redirect(back, 303);
}
