import type { AuditTrail } from '../../lib/audit/auditTrail.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { SupportedLocale } from '../../lib/i18n/locales.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { AUDIT_ACTIONS } from '../../lib/model/auditActions.js';
import { ticketNumber } from '../../lib/tickets/ticket.js';
import { html, type Html } from '../html.js';
import type { GuildAccess } from '../members.js';
import { actionName, pager, when } from './format.js';
import { guildHeader } from './guildNav.js';
import type { NameOf } from './tickets.js';

/** The filters as the form and links carry them (strings, as typed). */
export interface AuditForm {
	action: string;
	actor: string;
	ticket: string;
	page: string;
}

export interface AuditView {
	guild: { id: string; name: string };
	access: GuildAccess;
	trail: AuditTrail;
	form: AuditForm;
	nameOf: NameOf;
}

/** The log's address with these filters and this page (empty ones left out). */
export function auditLink(guildId: string, form: AuditForm, changes: Partial<AuditForm> = {}): string {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries({ ...form, ...changes })) if (value) params.set(name, value);
	const query = params.toString();
	return `/g/${guildId}/audit${query ? `?${query}` : ''}`;
}

/** What an entry's details say, as text: the surface it came from is shown apart. */
function detailsText(details: Record<string, unknown>): string {
	return Object.entries(details)
		.filter(([name]) => name !== 'via')
		.map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
		.join(' · ');
}

/** The guild's audit log for its admins: every staff and admin action, newest first, filtered. */
export function auditPage(t: Translate, locale: SupportedLocale, view: AuditView): Html {
	const W = LanguageKeys.Web;
	const { guild, trail, form, nameOf } = view;
	const via = (value: unknown) =>
		value === 'web'
			? html` <span class="muted">(${t(W.ViaWeb)})</span>`
			: value === 'api'
				? html` <span class="muted">(${t(W.ViaApi)})</span>`
				: null;
	const rows = trail.entries.map(
		(entry) => html`<tr>
<td>${when(entry.createdAt, locale)}</td>
<td>${entry.actorId ? nameOf(entry.actorId) : t(W.System)}${via(entry.details.via)}</td>
<td>${actionName(t, entry.action)}</td>
<td>${entry.ticketNumber !== null ? html`<a href="/g/${guild.id}/t/${entry.ticketNumber}">#${ticketNumber(entry.ticketNumber)}</a>` : null}${
			entry.targetId ? html` ${nameOf(entry.targetId)}` : null
		}</td>
<td class="details">${detailsText(entry.details)}</td>
</tr>`
	);
	return html`${guildHeader(t, guild, view.access, 'audit')}
<p class="muted">${t(W.AuditHint)}</p>
<form class="filters-form" method="get" action="/g/${guild.id}/audit">
<label>${t(W.FilterAction)} <select name="action"><option value="">${t(W.FilterAny)}</option>${AUDIT_ACTIONS.map(
		(action) =>
			html`<option value="${action}"${action === form.action ? html` selected` : null}>${actionName(t, action)}</option>`
	)}</select></label>
<label>${t(W.FilterActor)} <input name="actor" value="${form.actor}" inputmode="numeric" maxlength="20"></label>
<label>${t(W.FilterTicket)} <input name="ticket" value="${form.ticket}" inputmode="numeric" maxlength="9"></label>
<div class="buttons"><button type="submit">${t(W.FilterButton)}</button> <a href="/g/${guild.id}/audit">${t(W.FilterReset)}</a></div>
</form>
${
	trail.total === 0
		? html`<p class="muted">${t(W.AuditEmpty)}</p>`
		: html`<div class="table-wrap"><table class="audit">
<thead><tr><th>${t(W.ColumnWhen)}</th><th>${t(W.ColumnWho)}</th><th>${t(W.ColumnAction)}</th><th>${t(W.ColumnTarget)}</th><th>${t(W.ColumnDetails)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
${pager(
	t,
	trail.page,
	trail.pages,
	(page) => auditLink(guild.id, form, { page: String(page) }),
	t(W.EntriesPage, { page: trail.page + 1, pages: trail.pages, total: trail.total })
)}`
}`;
}
