import type { FastifyInstance } from 'fastify';
import { actorIsGuildStaff } from '../../lib/access/guildAccess.js';
import type { Summary } from '../../lib/analytics/stats.js';
import { refuse } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { ApiContext } from './context.js';
import { analyticsSchema } from './schemas.js';

const seconds = (ms: number) => Math.round(ms / 1000);
const inSeconds = (summary: Summary | null) =>
	summary && {
		count: summary.count,
		averageSeconds: seconds(summary.average),
		medianSeconds: seconds(summary.median),
		p95Seconds: seconds(summary.p95)
	};

/** /api/v1/guilds/:guildId/analytics: the figures of /analytics and the dashboard's analytics page, for staff. */
export function analyticsApi(app: FastifyInstance, api: ApiContext): void {
	const { services } = api;

	app.get<{ Params: { guildId: string }; Querystring: { days?: number } }>(
		'/guilds/:guildId/analytics',
		{ schema: analyticsSchema },
		async (request) => {
			const { member } = request.apiCaller!;
			if (!(await actorIsGuildStaff(services.ticketServices, member.guild.id, member.actor)))
				refuse(LanguageKeys.Analytics.StaffOnly);
			const data = services.db.forGuild(member.guild.id);
			const { analytics } = services;
			const [dashboard, ratings, times, standings, sla] = await Promise.all([
				analytics.dashboard(data, new Date(), request.query.days ?? 30),
				analytics.ratings(data),
				analytics.responseTimes(data),
				analytics.leaderboard(data),
				analytics.slaBreaches(data)
			]);
			return {
				total: dashboard.total,
				open: dashboard.open,
				closed: dashboard.closed,
				openedLastDay: dashboard.openedLastDay,
				firstResponse: inSeconds(dashboard.firstResponse),
				rating: dashboard.rating,
				ratings,
				categories: dashboard.categories,
				daily: dashboard.daily,
				responseTimes: {
					categories: times.categories.map((entry) => ({ name: entry.name, summary: inSeconds(entry.summary) })),
					staff: times.staff.map((entry) => ({ staffId: entry.staffId, summary: inSeconds(entry.summary) }))
				},
				leaderboard: standings.map((standing) => ({ ...standing, firstResponse: inSeconds(standing.firstResponse) })),
				sla: { categories: sla.categories, staff: sla.staff.map((entry) => ({ staffId: entry.staffId, ...entry.rate })) }
			};
		}
	);
}
