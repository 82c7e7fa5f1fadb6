import type { FastifyRequest } from 'fastify';
import { isAdmin } from '../../lib/access/policy.js';
import { guildRoles } from '../../lib/access/roles.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { notice } from '../../lib/i18n/notice.js';
import type { WebServices } from '../context.js';
import { guildById } from '../../lib/discord/lookup.js';
import { webMember, type WebMember } from '../members.js';
import { ApiError, notFound } from './errors.js';
import type { ApiTokenStore, TokenScope } from '../../lib/api/tokens.js';

/** Who calls the API in one guild: the member the policy judges, and what their credentials allow. */
export interface ApiCaller {
	/** The token's maker, or the logged-in member; their actions say they came from the API. */
	member: WebMember;
	/** A dashboard login reads only: changes need a `write` token. */
	scope: TokenScope | 'session';
	/** What the per-caller rate limit counts: one token, or one member's login. */
	limitKey: string;
}

declare module 'fastify' {
	interface FastifyRequest {
		apiCaller: ApiCaller | null;
	}
}

const E = LanguageKeys.Api.Errors;
const unauthorized = (key: typeof E.Unauthorized) =>
	new ApiError(401, 'unauthorized', notice(key), { 'www-authenticate': 'Bearer' });

/**
 * The caller of a guild's route, or an ApiError. With `Authorization: Bearer tkb_…`: a token of this
 * guild (one of another guild answers 404, as for a guild the caller is not in), acting as the admin who
 * made it, with that member's roles read from Discord now: the token works only while its maker is
 * still an admin of the guild, and never reaches further than they could. Without one: the dashboard's
 * login, as that member, for reading.
 */
export async function apiCaller(
	services: WebServices,
	tokens: ApiTokenStore,
	request: FastifyRequest,
	guildId: string
): Promise<ApiCaller> {
	const header = request.headers.authorization;
	if (header !== undefined) {
		const [kind, secret] = header.trim().split(/\s+/, 2);
		if (kind?.toLowerCase() !== 'bearer' || !secret) throw unauthorized(E.Unauthorized);
		const token = await tokens.find(secret);
		if (!token) throw unauthorized(E.InvalidToken);
		if (token.guildId !== guildId) throw notFound();
		if (token.revokedAt) throw unauthorized(E.RevokedToken);
		if (!(await guildById(services.discord(), guildId))) throw notFound();
		const member = await webMember(services.discord, services.env.OWNER_IDS, guildId, token.createdById);
		const { ticketServices } = services;
		const roles = await guildRoles(services.db.forGuild(guildId), { check: ticketServices.roles, log: ticketServices.log });
		if (!member || !isAdmin(member.actor, roles)) throw new ApiError(403, 'token_maker_not_admin', notice(E.MakerNotAdmin));
		await tokens.touch(token);
		return { member: { ...member, actor: { ...member.actor, via: 'api' } }, scope: token.scope, limitKey: `token:${token.id}` };
	}
	const session = request.session;
	if (!session) throw unauthorized(E.Unauthorized);
	const member = await webMember(services.discord, services.env.OWNER_IDS, guildId, session.userId);
	if (!member) throw notFound();
	return {
		member: { ...member, actor: { ...member.actor, via: 'api' } },
		scope: 'session',
		limitKey: `member:${guildId}:${session.userId}`
	};
}

/** Refuses a caller whose credentials do not allow this request: writes need a `write` token. */
export function requireScope(caller: ApiCaller, need: TokenScope): void {
	if (need === 'read') return;
	if (caller.scope === 'session') throw new ApiError(403, 'token_required', notice(E.TokenRequired));
	if (caller.scope !== 'write') throw new ApiError(403, 'insufficient_scope', notice(E.Scope, { have: caller.scope, need }));
}
