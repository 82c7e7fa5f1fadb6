import { LIST_STATUSES, type ListStatus, type TicketList } from '../../lib/tickets/list.js';
import { html, type Html } from '../html.js';

const STATUS_NAMES: Record<ListStatus, string> = { all: 'All', open: 'Open', closed: 'Closed' };

/** Who a user ID is, for the page: a name the bot knows, else the ID. */
export type NameOf = (userId: string) => string;

function pageLink(guildId: string, status: ListStatus, page: number): string {
	const query = new URLSearchParams({ status, page: String(page + 1) });
	return `/g/${guildId}?${query.toString()}`;
}

/** One server's tickets, as the access policy lets this user list them (the same list as /ticket list). */
export function ticketsPage(guild: { id: string; name: string }, list: TicketList, nameOf: NameOf): Html {
	const rows = list.tickets.map(
		(ticket) =>
			html`<tr>
				<td>#${String(ticket.number).padStart(4, '0')}</td>
				<td class="status-${ticket.status}">${ticket.status}${ticket.locked ? ' · locked' : ''}</td>
				<td>${ticket.categoryName ?? '—'}</td>
				<td>${ticket.ownerId ? nameOf(ticket.ownerId) : 'Anonymous'}</td>
				<td>${ticket.claimedById ? nameOf(ticket.claimedById) : '—'}</td>
				<td>${ticket.priority}</td>
			</tr>`
	);
	return html`<h1>${guild.name}</h1>
		<nav class="filters" aria-label="Status">
			${LIST_STATUSES.map(
				(status) =>
					html`<a href="${pageLink(guild.id, status, 0)}" ${status === list.status ? html` aria-current="page"` : null}
						>${STATUS_NAMES[status]}</a
					>`
			)}
		</nav>
		${
			list.total === 0
				? html`<p class="muted">No tickets to show.</p>`
				: html`<div class="table-wrap">
							<table>
								<thead>
									<tr>
										<th>Ticket</th>
										<th>Status</th>
										<th>Category</th>
										<th>Opener</th>
										<th>Claimed by</th>
										<th>Priority</th>
									</tr>
								</thead>
								<tbody>
									${rows}
								</tbody>
							</table>
						</div>
						<div class="pager">
							${list.page > 0 ? html`<a href="${pageLink(guild.id, list.status, list.page - 1)}">Previous</a>` : null}
							<span class="muted"
								>Page ${list.page + 1} of ${list.pages} · ${list.total} ticket${list.total === 1 ? '' : 's'}</span
							>
							${list.page + 1 < list.pages ? html`<a href="${pageLink(guild.id, list.status, list.page + 1)}">Next</a>` : null}
						</div>`
		}`;
}
