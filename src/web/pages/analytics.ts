import type { Dashboard, ResponseTimes, SlaBreaches, StaffStanding } from '../../lib/analytics/AnalyticsService.js';
import { formatDuration, slaRate } from '../../lib/analytics/render.js';
import type { Summary } from '../../lib/analytics/stats.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { html, type Html } from '../html.js';
import type { GuildAccess } from '../members.js';
import { guildHeader } from './guildNav.js';
import type { NameOf } from './tickets.js';

export interface AnalyticsView {
	guild: { id: string; name: string };
	access: GuildAccess;
	dashboard: Dashboard;
	times: ResponseTimes;
	standings: readonly StaffStanding[];
	/** Ratings with 1 to 5 stars. */
	ratings: readonly number[];
	sla: SlaBreaches;
	nameOf: NameOf;
}

/** A chart for the page's script to draw (Chart.js), from data in an attribute: no inline script. */
const chart = (label: string, kind: 'bar' | 'line', labels: readonly string[], values: readonly number[]) =>
	html`<div class="chart"><canvas role="img" aria-label="${label}" data-chart="${JSON.stringify({ kind, label, labels, values })}"></canvas></div>`;

/** The same figures as a table, for screen readers, printing and browsers without scripts. */
const figures = (caption: string, labels: readonly string[], values: readonly number[]) =>
	html`<details><summary>${caption}</summary><div class="table-wrap"><table>
<tbody>${labels.map((label, index) => html`<tr><th scope="row">${label}</th><td>${values[index]}</td></tr>`)}</tbody>
</table></div></details>`;

function timesTable(t: Translate, heading: string, rows: readonly { name: string; summary: Summary }[]): Html {
	const A = LanguageKeys.Analytics;
	const W = LanguageKeys.Web;
	if (rows.length === 0) return html`<h3>${heading}</h3><p class="muted">${t(A.NoResponses)}</p>`;
	return html`<h3>${heading}</h3><div class="table-wrap"><table>
<thead><tr><th></th><th>${t(W.ColumnAverage)}</th><th>${t(W.ColumnMedian)}</th><th>p95</th><th>${t(W.ColumnAnswered)}</th></tr></thead>
<tbody>${rows.map(
		({ name, summary }) =>
			html`<tr><th scope="row">${name}</th><td>${formatDuration(summary.average, t)}</td><td>${formatDuration(summary.median, t)}</td><td>${formatDuration(summary.p95, t)}</td><td>${summary.count}</td></tr>`
	)}</tbody>
</table></div>`;
}

/** The server's ticket numbers, as /analytics gives them, with charts and the CSV export. */
export function analyticsPage(t: Translate, view: AnalyticsView): Html {
	const A = LanguageKeys.Analytics;
	const W = LanguageKeys.Web;
	const { dashboard, times, standings, ratings, nameOf, guild } = view;
	const days = dashboard.daily.map((entry) => entry.day);
	const counts = dashboard.daily.map((entry) => entry.count);
	const stars = ['1 ★', '2 ★', '3 ★', '4 ★', '5 ★'];
	const none = '—';
	const leaderboard =
		standings.length === 0
			? html`<p class="muted">${t(A.LeaderboardEmpty)}</p>`
			: html`<div class="table-wrap"><table>
<thead><tr><th>#</th><th>${t(W.ColumnStaff)}</th><th>${t(W.ColumnHandled)}</th><th>${t(W.ColumnAnswers)}</th><th>${t(A.FirstResponse)}</th><th>${t(A.Rating)}</th><th>${t(W.ColumnWarnings)}</th></tr></thead>
<tbody>${standings
					.slice(0, 50)
					.map(
						(standing, index) =>
							html`<tr><td>${index + 1}</td><td>${nameOf(standing.staffId)}</td><td>${standing.handled}</td><td>${standing.answers}</td><td>${standing.firstResponse ? formatDuration(standing.firstResponse.average, t) : none}</td><td>${standing.rating ? `${standing.rating.average.toFixed(1)} ★ (${standing.rating.count})` : none}</td><td>${standing.warnings}</td></tr>`
					)}</tbody>
</table></div>`;
	return html`${guildHeader(t, guild, view.access, 'analytics')}
<p><a class="button" href="/g/${guild.id}/analytics.csv" download>${t(W.DownloadCsv)}</a></p>
<ul class="cards figures">
<li><strong>${t(A.Tickets)}</strong><p>${t(A.TicketsValue, { total: dashboard.total, open: dashboard.open, closed: dashboard.closed, lastDay: dashboard.openedLastDay })}</p></li>
<li><strong>${t(A.FirstResponse)}</strong><p>${
		dashboard.firstResponse
			? t(A.FirstResponseValue, {
					average: formatDuration(dashboard.firstResponse.average, t),
					p95: formatDuration(dashboard.firstResponse.p95, t),
					count: dashboard.firstResponse.count
				})
			: t(A.NoResponses)
	}</p></li>
<li><strong>${t(A.Rating)}</strong><p>${
		dashboard.rating
			? t(A.RatingValue, { average: dashboard.rating.average.toFixed(1), count: dashboard.rating.count })
			: t(A.NoRatings)
	}</p></li>
</ul>
<section>
<h2>${t(A.Daily, { days: days.length })}</h2>
${chart(t(A.Daily, { days: days.length }), 'line', days, counts)}
${figures(t(W.ChartFigures), days, counts)}
</section>
<section>
<h2>${t(A.Rating)}</h2>
${chart(t(A.Rating), 'bar', stars, ratings)}
${figures(t(W.ChartFigures), stars, ratings)}
</section>
<section>
<h2>${t(A.Categories)}</h2>
${
	dashboard.categories.length === 0
		? html`<p class="muted">${t(A.None)}</p>`
		: html`<div class="table-wrap"><table>
<thead><tr><th>${t(W.ColumnCategory)}</th><th>${t(W.ColumnTotal)}</th><th>${t(W.FilterOpen)}</th></tr></thead>
<tbody>${dashboard.categories.map((category) => html`<tr><th scope="row">${category.name}</th><td>${category.total}</td><td>${category.open}</td></tr>`)}</tbody>
</table></div>`
}
</section>
<section>
<h2>${t(A.ResponseTimesTitle)}</h2>
${timesTable(t, t(A.PerCategory), times.categories)}
${timesTable(
	t,
	t(A.PerStaff),
	times.staff.map((entry) => ({ name: nameOf(entry.staffId), summary: entry.summary }))
)}
</section>
<section>
<h2>${t(A.SlaTitle)}</h2>
${
	view.sla.categories.length === 0
		? html`<p class="muted">${t(A.SlaEmpty)}</p>`
		: html`<div class="table-wrap"><table>
<thead><tr><th>${t(W.ColumnCategory)}</th><th>${t(W.ColumnFirstAnswerSla)}</th><th>${t(W.ColumnResolutionSla)}</th></tr></thead>
<tbody>${view.sla.categories.map((entry) => html`<tr><th scope="row">${entry.name}</th><td>${slaRate(t, entry.response)}</td><td>${slaRate(t, entry.resolution)}</td></tr>`)}</tbody>
</table></div><div class="table-wrap"><table>
<thead><tr><th>${t(W.ColumnStaff)}</th><th>${t(W.ColumnSlaMissed)}</th></tr></thead>
<tbody>${view.sla.staff.map((entry) => html`<tr><th scope="row">${nameOf(entry.staffId)}</th><td>${slaRate(t, entry.rate)}</td></tr>`)}</tbody>
</table></div>`
}
</section>
<section>
<h2>${t(A.LeaderboardTitle)}</h2>
${leaderboard}
</section>`;
}
