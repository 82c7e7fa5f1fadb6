import { priorityLabel, statusLabel } from '../../lib/i18n/labels.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { PRIORITIES } from '../../lib/model/priorities.js';
import { LIST_STATUSES, type TicketList } from '../../lib/tickets/list.js';
import { ticketNumber } from '../../lib/tickets/ticket.js';
import { html, type Html } from '../html.js';
import { listLink, type ListForm } from '../listQuery.js';
import type { GuildAccess } from '../members.js';
import { pager } from './format.js';
import { guildHeader } from './guildNav.js';

const FILTER_NAMES = {
	all: LanguageKeys.Web.FilterAll,
	open: LanguageKeys.Web.FilterOpen,
	closed: LanguageKeys.Web.FilterClosed
} as const;

/** Who a user ID is, for the page: a name the bot knows, else the ID. */
export type NameOf = (userId: string) => string;

export interface TicketsView {
	guild: { id: string; name: string };
	access: GuildAccess;
	list: TicketList;
	form: ListForm;
	categories: readonly { id: number; displayName: string }[];
	nameOf: NameOf;
	/** Why the list could not be shown with these filters (the list use case's refusal). */
	refused?: string;
}

const option = (value: string, label: string, selected: string) =>
	html`<option value="${value}"${value === selected ? html` selected` : null}>${label}</option>`;

function filtersForm(t: Translate, view: TicketsView): Html {
	const W = LanguageKeys.Web;
	const { form } = view;
	const any = t(W.FilterAny);
	return html`<form class="filters-form" method="get" action="/g/${view.guild.id}">
<label class="search">${t(W.FilterSearch)} <input type="search" name="q" value="${form.q}" maxlength="200" placeholder="${t(W.FilterSearchHint)}"></label>
<label>${t(W.FiltersLabel)} <select name="status">${LIST_STATUSES.map((status) => option(status === 'all' ? '' : status, t(FILTER_NAMES[status]), form.status))}</select></label>
<label>${t(W.FilterCategory)} <select name="category">${option('', any, form.category)}${view.categories.map((category) =>
		option(String(category.id), category.displayName, form.category)
	)}</select></label>
<label>${t(W.FilterPriority)} <select name="priority">${option('', any, form.priority)}${PRIORITIES.map((priority) =>
		option(priority, priorityLabel(t, priority), form.priority)
	)}</select></label>
<label>${t(W.FilterClaimedBy)} <input name="claimer" value="${form.claimer}" maxlength="20"></label>
<label>${t(W.FilterOpener)} <input name="opener" value="${form.opener}" inputmode="numeric" maxlength="20"></label>
<label>${t(W.FilterFrom)} <input type="date" name="from" value="${form.from}"></label>
<label>${t(W.FilterBefore)} <input type="date" name="before" value="${form.before}"></label>
<div class="buttons"><button type="submit">${t(W.FilterButton)}</button> <a href="/g/${view.guild.id}">${t(W.FilterReset)}</a></div>
</form>`;
}

/** One server's tickets, as the access policy lets this user list them (the same list as /ticket list). */
export function ticketsPage(t: Translate, view: TicketsView): Html {
	const { guild, list, form, nameOf } = view;
	const W = LanguageKeys.Web;
	const rows = list.tickets.map(
		(ticket) => html`<tr>
<td><a href="/g/${guild.id}/t/${ticket.number}">#${ticketNumber(ticket.number)}</a></td>
<td class="status-${ticket.status}">${statusLabel(t, ticket.status, ticket.locked)}</td>
<td>${ticket.categoryName ?? t(W.Nobody)}</td>
<td>${ticket.ownerId ? nameOf(ticket.ownerId) : t(W.Anonymous)}</td>
<td>${ticket.claimedById ? nameOf(ticket.claimedById) : t(W.Nobody)}</td>
<td>${priorityLabel(t, ticket.priority)}</td>
</tr>`
	);
	const table = html`<div class="table-wrap"><table>
<thead><tr><th>${t(W.ColumnTicket)}</th><th>${t(W.ColumnStatus)}</th><th>${t(W.ColumnCategory)}</th><th>${t(W.ColumnOpener)}</th><th>${t(W.ColumnClaimedBy)}</th><th>${t(W.ColumnPriority)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
${pager(
	t,
	list.page,
	list.pages,
	(page) => listLink(guild.id, form, { page: String(page) }),
	t(list.totalCapped ? W.PageCapped : W.Page, { page: list.page + 1, pages: list.pages, count: list.total })
)}`;
	return html`${guildHeader(t, guild, view.access, 'tickets')}
${filtersForm(t, view)}
${view.refused ? html`<p class="flash refused" role="status">${view.refused}</p>` : null}
${list.searchCapped ? html`<p class="muted" role="status">${t(W.SearchCapped)}</p>` : null}
${list.total === 0 ? html`<p class="muted">${t(W.NoTickets)}</p>` : table}`;
}
