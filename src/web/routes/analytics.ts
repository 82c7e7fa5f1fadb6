import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { WebContext } from '../context.js';
import { namesIn } from '../members.js';
import { analyticsPage } from '../pages/analytics.js';
import { guildVisitor, isVisitor, type GuildRequest } from './guildMember.js';

/** The server's analytics for its staff: the page with its charts, and every ticket as CSV. */
export function analyticsRoutes(app: FastifyInstance, web: WebContext): void {
	const { services } = web;

	/** The staff member the request comes from, or the answer already sent (login, 404, or why not). */
	const staffOf = async (request: GuildRequest, reply: FastifyReply) => {
		const visitor = await guildVisitor(web, request, reply);
		if (isVisitor(visitor) && !visitor.access.staff)
			return web.refused(request, reply, request.lang.t(LanguageKeys.Analytics.StaffOnly));
		return visitor;
	};

	app.get<{ Params: { guildId: string } }>('/g/:guildId/analytics', async (request, reply) => {
		const staff = await staffOf(request, reply);
		if (!isVisitor(staff)) return staff;
		const { guild } = staff.member;
		const data = services.db.forGuild(guild.id);
		const [dashboard, times, standings, ratings, sla] = await Promise.all([
			services.analytics.dashboard(data, new Date(), 30),
			services.analytics.responseTimes(data),
			services.analytics.leaderboard(data),
			services.analytics.ratings(data),
			services.analytics.slaBreaches(data)
		]);
		const { t } = request.lang;
		const body = analyticsPage(t, {
			guild: { id: guild.id, name: guild.name },
			access: staff.access,
			dashboard,
			times,
			standings,
			ratings,
			sla,
			nameOf: namesIn(guild).user
		});
		return web.page(request, reply, `${t(LanguageKeys.Web.AnalyticsTitle)} · ${guild.name}`, body, 200, [
			'/static/chart/chart.umd.min.js',
			'/static/analytics.js'
		]);
	});

	// Streamed page by page as the export reads it, so a large server's download starts at once and shows its progress.
	app.get<{ Params: { guildId: string } }>('/g/:guildId/analytics.csv', async (request, reply) => {
		const staff = await staffOf(request, reply);
		if (!isVisitor(staff)) return staff;
		const chunks = services.analytics.csvChunks(services.db.forGuild(staff.member.guild.id));
		const text = async function* () {
			for await (const chunk of chunks) yield chunk.text;
		};
		return reply
			.type('text/csv; charset=utf-8')
			.header('content-disposition', `attachment; filename="tickets-${new Date().toISOString().slice(0, 10)}.csv"`)
			.header('cache-control', 'no-store')
			.send(Readable.from(text()));
	});
}
