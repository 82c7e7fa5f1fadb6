import type { FastifyInstance } from 'fastify';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { LIST_STATUSES, ticketList } from '../../lib/tickets/list.js';
import type { WebContext } from '../context.js';
import { namesIn, webMember } from '../members.js';
import { landingPage, serversPage } from '../pages/home.js';
import { ticketsPage } from '../pages/tickets.js';

/** The way in: the servers a user shares with the bot, and each one's tickets. */
export function serverRoutes(app: FastifyInstance, web: WebContext): void {
	const { services } = web;

	app.get('/', async (request, reply) => {
		const { t } = request.lang;
		if (!request.session) return web.page(request, reply, t(LanguageKeys.Web.LogIn), landingPage(t));
		const client = services.discord();
		const servers = request.session.guildIds
			.map((id) => client.guilds.cache.get(id))
			.filter((guild) => guild !== undefined)
			.map((guild) => ({ id: guild.id, name: guild.name }))
			.sort((a, b) => a.name.localeCompare(b.name));
		return web.page(request, reply, t(LanguageKeys.Web.ServersTitle), serversPage(t, servers));
	});

	app.get<{ Params: { guildId: string }; Querystring: { status?: string; page?: string } }>(
		'/g/:guildId',
		async (request, reply) => {
			const session = request.session;
			if (!session) return reply.redirect('/login');
			const member = await webMember(services.discord, services.env.OWNER_IDS, request.params.guildId, session.userId);
			if (!member) return web.notFound(request, reply);
			const status = Math.max(0, LIST_STATUSES.indexOf((request.query.status ?? 'all') as (typeof LIST_STATUSES)[number]));
			const page = Math.max(1, Math.min(9999, Number.parseInt(request.query.page ?? '1', 10) || 1)) - 1;
			const list = await ticketList.run(services.ticketServices, member.actor, member.guild.id, {
				page,
				status,
				categoryId: 0,
				userId: '0'
			});
			const names = namesIn(member.guild);
			return web.page(
				request,
				reply,
				member.guild.name,
				ticketsPage(request.lang.t, { id: member.guild.id, name: member.guild.name }, list, names.user)
			);
		}
	);
}
