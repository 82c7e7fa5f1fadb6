import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import { guildAccess, webMember, type GuildAccess, type WebMember } from '../members.js';

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
