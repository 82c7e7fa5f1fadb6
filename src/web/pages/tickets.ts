import { priorityLabel, statusLabel } from '../../lib/i18n/labels.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { LIST_STATUSES, type ListStatus, type TicketList } from '../../lib/tickets/list.js';
import { ticketNumber } from '../../lib/tickets/ticket.js';
import { html, type Html } from '../html.js';

const FILTER_NAMES = {
	all: LanguageKeys.Web.FilterAll,
	open: LanguageKeys.Web.FilterOpen,
	closed: LanguageKeys.Web.FilterClosed
} as const;

/** Who a user ID is, for the page: a name the bot knows, else the ID. */
export type NameOf = (userId: string) => string;

function pageLink(guildId: string, status: ListStatus, page: number): string {
	const query = new URLSearchParams({ status, page: String(page + 1) });
	return `/g/${guildId}?${query.toString()}`;
}

/** One server's tickets, as the access policy lets this user list them (the same list as /ticket list). */
export function ticketsPage(t: Translate, guild: { id: string; name: string }, list: TicketList, nameOf: NameOf): Html {
	const rows = list.tickets.map(
		(ticket) => html`<tr>
<td><a href="/g/${guild.id}/t/${ticket.number}">#${ticketNumber(ticket.number)}</a></td>
<td class="status-${ticket.status}">${statusLabel(t, ticket.status, ticket.locked)}</td>
<td>${ticket.categoryName ?? t(LanguageKeys.Web.Nobody)}</td>
<td>${ticket.ownerId ? nameOf(ticket.ownerId) : t(LanguageKeys.Web.Anonymous)}</td>
<td>${ticket.claimedById ? nameOf(ticket.claimedById) : t(LanguageKeys.Web.Nobody)}</td>
<td>${priorityLabel(t, ticket.priority)}</td>
</tr>`
	);
	const filters = LIST_STATUSES.map(
		(status) =>
			html`<a href="${pageLink(guild.id, status, 0)}"${status === list.status ? html` aria-current="page"` : null}>${t(FILTER_NAMES[status])}</a>`
	);
	const table = html`<div class="table-wrap"><table>
<thead><tr><th>${t(LanguageKeys.Web.ColumnTicket)}</th><th>${t(LanguageKeys.Web.ColumnStatus)}</th><th>${t(LanguageKeys.Web.ColumnCategory)}</th><th>${t(LanguageKeys.Web.ColumnOpener)}</th><th>${t(LanguageKeys.Web.ColumnClaimedBy)}</th><th>${t(LanguageKeys.Web.ColumnPriority)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
<div class="pager">
${list.page > 0 ? html`<a href="${pageLink(guild.id, list.status, list.page - 1)}">${t(LanguageKeys.Web.Previous)}</a>` : null}
<span class="muted">${t(LanguageKeys.Web.Page, { page: list.page + 1, pages: list.pages, count: list.total })}</span>
${list.page + 1 < list.pages ? html`<a href="${pageLink(guild.id, list.status, list.page + 1)}">${t(LanguageKeys.Web.Next)}</a>` : null}
</div>`;
	return html`<h1>${guild.name}</h1>
<nav class="filters" aria-label="${t(LanguageKeys.Web.FiltersLabel)}">
${filters}
</nav>
${list.total === 0 ? html`<p class="muted">${t(LanguageKeys.Web.NoTickets)}</p>` : table}`;
}
