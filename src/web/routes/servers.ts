import type { FastifyInstance } from 'fastify';
import { guildsWithTheBot } from '../../lib/discord/lookup.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { ticketList } from '../../lib/tickets/list.js';
import type { WebContext } from '../context.js';
import { webText } from '../i18n.js';
import { listForm, listQuery } from '../listQuery.js';
import { guildAccess, namesIn, webMember } from '../members.js';
import { landingPage, serversPage } from '../pages/home.js';
import { ticketsPage } from '../pages/tickets.js';

/** The way in: the servers a user shares with the bot, and each one's tickets. */
export function serverRoutes(app: FastifyInstance, web: WebContext): void {
	const { services } = web;

	app.get('/', async (request, reply) => {
		const { t } = request.lang;
		if (!request.session) return web.page(request, reply, t(LanguageKeys.Web.LogIn), landingPage(t));
		const servers = (await guildsWithTheBot(services.discord(), request.session.guildIds)).sort((a, b) =>
			a.name.localeCompare(b.name)
		);
		return web.page(request, reply, t(LanguageKeys.Web.ServersTitle), serversPage(t, servers));
	});

	app.get<{ Params: { guildId: string }; Querystring: Record<string, unknown> }>('/g/:guildId', async (request, reply) => {
		const session = request.session;
		if (!session) return reply.redirect('/login');
		const member = await webMember(services.discord, services.env.OWNER_IDS, request.params.guildId, session.userId);
		if (!member) return web.notFound(request, reply);
		const { t, locale } = request.lang;
		const guild = { id: member.guild.id, name: member.guild.name };
		const form = listForm(request.query);
		const names = namesIn(member.guild);
		const data = services.db.forGuild(guild.id);
		const run = (query: ReturnType<typeof listQuery>) => ticketList.run(services.ticketServices, member.actor, guild.id, query);
		let refused: string | undefined;
		// Independent reads, side by side: the filter form's categories, the navigation's access, the list.
		const [categories, access, list] = await Promise.all([
			data.db.category.findMany({ select: { id: true, displayName: true }, orderBy: { displayName: 'asc' } }),
			guildAccess(services.ticketServices, member),
			run(listQuery(form, session.userId)).catch(async (error: unknown) => {
				if (!(error instanceof Refusal)) throw error;
				// Filters the reader may not use (another member's tickets, for a member): their own list, and why.
				refused = webText(t, error.notice, names, locale);
				return run({ page: 0, status: 0, categoryId: 0, userId: '0' });
			})
		]);
		return web.page(
			request,
			reply,
			guild.name,
			ticketsPage(t, { guild, access, list, form, categories, nameOf: names.user, refused })
		);
	});
}
