import { EmbedBuilder } from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { Dashboard, ResponseTimes, SlaBreaches, StaffStanding } from './AnalyticsService.js';
import { sparkline, type Summary } from './stats.js';
import { cut } from '../text/cut.js';

const keys = LanguageKeys.Analytics;
/** Discord shows at most this many characters in an embed field. */
const FIELD_MAX = 1024;

/** A duration as people read it: 42 s, 7 min, 2 h 5 min, 3 d 4 h. */
export function formatDuration(ms: number, t: Translate): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return t(keys.Duration.seconds, { count: seconds });
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return t(keys.Duration.minutes, { count: minutes });
	if (minutes < 24 * 60) return t(keys.Duration.hours, { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
	const hours = Math.round(minutes / 60);
	return t(keys.Duration.days, { days: Math.floor(hours / 24), hours: hours % 24 });
}

const lines = (entries: string[], empty: string) => {
	let text = '';
	for (const entry of entries) {
		if (text.length + entry.length + 2 > FIELD_MAX) return `${text}\n…`;
		text = text ? `${text}\n${entry}` : entry;
	}
	return text || empty;
};

export function dashboardEmbed(dashboard: Dashboard, guildName: string, t: Translate): EmbedBuilder {
	const counts = dashboard.daily.map((entry) => entry.count);
	return new EmbedBuilder()
		.setColor(0x5865f2)
		.setTitle(t(keys.DashboardTitle, { guild: userText(guildName, 100) }))
		.addFields(
			{
				name: t(keys.Tickets),
				value: t(keys.TicketsValue, {
					total: dashboard.total,
					open: dashboard.open,
					closed: dashboard.closed,
					lastDay: dashboard.openedLastDay
				})
			},
			{
				name: t(keys.Categories),
				value: lines(
					dashboard.categories.map((category) =>
						t(keys.CategoryLine, { name: userText(category.name, 80), total: category.total, open: category.open })
					),
					t(keys.None)
				)
			},
			{
				name: t(keys.FirstResponse),
				value: dashboard.firstResponse
					? t(keys.FirstResponseValue, {
							average: formatDuration(dashboard.firstResponse.average, t),
							p95: formatDuration(dashboard.firstResponse.p95, t),
							count: dashboard.firstResponse.count
						})
					: t(keys.NoResponses),
				inline: true
			},
			{
				name: t(keys.Rating),
				value: dashboard.rating
					? t(keys.RatingValue, { average: dashboard.rating.average.toFixed(1), count: dashboard.rating.count })
					: t(keys.NoRatings),
				inline: true
			},
			{
				name: t(keys.Daily, { days: dashboard.daily.length }),
				value: t(keys.DailyValue, {
					bars: sparkline(counts),
					first: dashboard.daily[0]!.day,
					last: dashboard.daily.at(-1)!.day,
					count: counts.reduce((sum, count) => sum + count, 0),
					max: Math.max(0, ...counts)
				})
			}
		);
}

export function leaderboardEmbed(standings: readonly StaffStanding[], t: Translate): EmbedBuilder {
	const none = '—';
	const entries = standings.slice(0, 15).map((standing, index) =>
		t(keys.LeaderboardLine, {
			rank: index + 1,
			staff: `<@${standing.staffId}>`,
			handled: standing.handled,
			answers: standing.answers,
			first: standing.firstResponse ? formatDuration(standing.firstResponse.average, t) : none,
			rating: standing.rating ? `${standing.rating.average.toFixed(1)} ★` : none,
			warnings: standing.warnings
		})
	);
	return new EmbedBuilder()
		.setColor(0xfee75c)
		.setTitle(t(keys.LeaderboardTitle))
		.setDescription(cut(lines(entries, t(keys.LeaderboardEmpty)), 4096));
}

/** A miss rate as the command and the dashboard show it: a percentage and the counts. */
export const slaRate = (t: Translate, { missed, total }: { missed: number; total: number }) =>
	total ? t(keys.SlaRate, { percent: Math.round((missed / total) * 100), missed, total }) : t(keys.SlaNone);

/** /analytics sla: how often SLAs were missed, per category (first response, resolution) and per staff member. */
export function slaEmbed(breaches: SlaBreaches, t: Translate): EmbedBuilder {
	return new EmbedBuilder()
		.setColor(0xed4245)
		.setTitle(t(keys.SlaTitle))
		.addFields(
			{
				name: t(keys.PerCategory),
				value: lines(
					breaches.categories.map((entry) =>
						t(keys.SlaCategoryLine, {
							name: userText(entry.name, 80),
							response: slaRate(t, entry.response),
							resolution: slaRate(t, entry.resolution)
						})
					),
					t(keys.SlaEmpty)
				)
			},
			{
				name: t(keys.PerStaff),
				value: lines(
					breaches.staff.map((entry) => t(keys.SlaStaffLine, { name: `<@${entry.staffId}>`, rate: slaRate(t, entry.rate) })),
					t(keys.SlaEmpty)
				)
			}
		);
}

export function responseTimesEmbed(times: ResponseTimes, t: Translate): EmbedBuilder {
	const line = (name: string, summary: Summary) =>
		t(keys.TimesLine, {
			name,
			average: formatDuration(summary.average, t),
			median: formatDuration(summary.median, t),
			p95: formatDuration(summary.p95, t),
			count: summary.count
		});
	return new EmbedBuilder()
		.setColor(0x5865f2)
		.setTitle(t(keys.ResponseTimesTitle))
		.addFields(
			{
				name: t(keys.PerCategory),
				value: lines(
					times.categories.map((entry) => line(userText(entry.name, 80), entry.summary)),
					t(keys.NoResponses)
				)
			},
			{
				name: t(keys.PerStaff),
				value: lines(
					times.staff.map((entry) => line(`<@${entry.staffId}>`, entry.summary)),
					t(keys.NoResponses)
				)
			}
		);
}
