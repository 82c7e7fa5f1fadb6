import { priorityLabel, statusLabel } from '../../lib/i18n/labels.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { SupportedLocale } from '../../lib/i18n/locales.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { PRIORITIES } from '../../lib/model/priorities.js';
import { TicketStatus } from '../../lib/model/status.js';
import { readList } from '../../lib/database/json.js';
import type { TicketInfo } from '../../lib/tickets/info.js';
import { ticketNumber } from '../../lib/tickets/ticket.js';
import { html, type Html } from '../html.js';
import { actionName, when } from './format.js';
import type { NameOf } from './tickets.js';

export interface TicketView {
	guildId: string;
	info: TicketInfo;
	/** The reader: actions they may not take are not offered (the use case refuses them anyway). */
	viewerId: string;
	nameOf: NameOf;
	csrf: string;
	/** Whether the reader has a copy of the transcript (staff, the opener). */
	transcript: boolean;
	/** What the last action said (done) or why it was refused. */
	flash?: { kind: 'done' | 'refused'; text: string };
}

/** A POST form to one of the ticket's actions, with the CSRF token. */
function actionForm(view: TicketView, action: string, body: Html, label: string, style = ''): Html {
	return html`<form method="post" action="/g/${view.guildId}/t/${view.info.ticket.number}/${action}" class="action ${style}">
<input type="hidden" name="_csrf" value="${view.csrf}">
${body}<button type="submit">${label}</button>
</form>`;
}

function actions(t: Translate, view: TicketView): Html {
	const { ticket } = view.info;
	const open = ticket.status === TicketStatus.Open;
	const W = LanguageKeys.Web;
	const forms: Html[] = [];
	if (open && !ticket.claimedById) forms.push(actionForm(view, 'claim', html``, t(W.Claim), 'primary'));
	if (open && ticket.claimedById === view.viewerId) forms.push(actionForm(view, 'unclaim', html``, t(W.Unclaim)));
	if (open)
		forms.push(
			actionForm(view, 'close', html`<label>${t(W.CloseReason)} <input name="reason" maxlength="500"></label>`, t(W.Close))
		);
	if (ticket.status === TicketStatus.Closed) forms.push(actionForm(view, 'reopen', html``, t(W.Reopen)));
	forms.push(
		actionForm(
			view,
			'note',
			html`<label>${t(W.NoteText)} <textarea name="text" maxlength="1000" required></textarea></label>`,
			t(W.AddNote)
		)
	);
	if (open) {
		forms.push(
			actionForm(
				view,
				'priority',
				html`<label>${t(W.FieldPriority)} <select name="priority">${PRIORITIES.map(
					(priority) =>
						html`<option value="${priority}"${priority === ticket.priority ? html` selected` : null}>${priorityLabel(t, priority)}</option>`
				)}</select></label>`,
				t(W.SetPriority)
			),
			actionForm(
				view,
				'tags',
				html`<label>${t(W.FieldTags)} <input name="tags" value="${readList(ticket.tags).join(', ')}" maxlength="300"></label><small class="muted">${t(W.TagsHint)}</small>`,
				t(W.SetTags)
			),
			actionForm(
				view,
				'add-member',
				html`<label>${t(W.MemberId)} <input name="userId" inputmode="numeric" pattern="[0-9]{17,20}" required></label>`,
				t(W.AddMember)
			)
		);
	}
	return html`<section><h2>${t(W.Actions)}</h2><div class="actions">${forms}</div></section>`;
}

/** One ticket: its details, the opener's answers, its timeline, staff notes and, for its staff, what they can do. */
export function ticketPage(t: Translate, locale: SupportedLocale, view: TicketView): Html {
	const { info, nameOf } = view;
	const { ticket } = info;
	const W = LanguageKeys.Web;
	const nobody = t(W.Nobody);
	const tags = readList(ticket.tags);
	const members = info.participantIds.map(
		(id) =>
			html`<li>${nameOf(id)}${
				info.works && ticket.status === TicketStatus.Open
					? actionForm(view, 'remove-member', html`<input type="hidden" name="userId" value="${id}">`, t(W.Remove), 'inline')
					: null
			}</li>`
	);
	const field = (label: string, value: Html | string) => html`<dt>${label}</dt><dd>${value}</dd>`;
	return html`<p class="links"><a href="/g/${view.guildId}">${t(W.BackToList)}</a>${
		view.transcript ? html` · <a href="/g/${view.guildId}/t/${ticket.number}/transcript">${t(W.Transcript)}</a>` : null
	}</p>
<h1>${t(W.TicketTitle, { number: ticketNumber(ticket.number) })}</h1>
${view.flash ? html`<p class="flash ${view.flash.kind}" role="status">${view.flash.text}</p>` : null}
<section><h2>${t(W.Details)}</h2><dl class="details">
${field(t(W.FieldStatus), statusLabel(t, ticket.status, ticket.locked))}
${field(t(W.FieldCategory), info.categoryName ?? nobody)}
${info.departmentName ? field(t(W.FieldDepartment), info.departmentName) : null}
${field(t(W.FieldOpener), ticket.anonymous ? t(W.Anonymous) : nameOf(ticket.ownerId))}
${field(t(W.FieldClaimedBy), ticket.claimedById ? nameOf(ticket.claimedById) : nobody)}
${field(t(W.FieldPriority), priorityLabel(t, ticket.priority))}
${field(t(W.FieldTags), tags.length ? tags.join(', ') : nobody)}
${field(t(W.FieldMembers), members.length ? html`<ul class="members">${members}</ul>` : nobody)}
${field(t(W.FieldOpened), when(ticket.createdAt, locale))}
${ticket.closedAt ? field(t(W.FieldClosed), when(ticket.closedAt, locale)) : null}
${ticket.closeReason ? field(t(W.FieldReason), ticket.closeReason) : null}
</dl></section>
${
	info.answers.length
		? html`<section><h2>${t(W.Answers)}</h2><dl class="answers">${info.answers.map(
				(answer) => html`<dt>${answer.question}</dt><dd class="answer">${answer.answer}</dd>`
			)}</dl></section>`
		: null
}
<section><h2>${t(W.Timeline)}</h2><ol class="timeline">
${info.timeline.map(
	(entry) =>
		html`<li>${when(entry.createdAt, locale)} · ${actionName(t, entry.action)} · ${entry.actorId ? nameOf(entry.actorId) : t(W.System)}${
			entry.details.via === 'web' ? html` <span class="muted">(${t(W.ViaWeb)})</span>` : null
		}</li>`
)}
</ol></section>
${
	info.notes
		? html`<section><h2>${t(W.Notes)}</h2><p class="muted">${t(W.NotesHint)}</p>${
				info.notes.length
					? html`<ul class="notes">${info.notes.map(
							(note) =>
								html`<li><strong>${nameOf(note.authorId)}</strong> · ${when(note.createdAt, locale)}<p>${note.content}</p></li>`
						)}</ul>`
					: html`<p class="muted">${t(W.NoNotes)}</p>`
			}</section>`
		: null
}
${info.works ? actions(t, view) : null}`;
}
