import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { SupportedLocale } from '../../lib/i18n/locales.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { AUDIT_ACTIONS, type AuditAction } from '../../lib/model/auditActions.js';
import { html, type Html } from '../html.js';

/** A moment as the reader's language writes it, in UTC (the server does not know the reader's zone). */
export const when = (date: Date, locale: SupportedLocale): Html =>
	html`<time datetime="${date.toISOString()}">${date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</time>`;

/** An audit action's name in the reader's language (one the bot no longer knows as stored). */
export function actionName(t: Translate, action: string): string {
	return (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(LanguageKeys.Logs.Actions[action as AuditAction]) : action;
}

/** Previous and next links around a page's summary (pages counted from 0; links take the page from 1). */
export function pager(t: Translate, page: number, pages: number, linkTo: (page: number) => string, summary: string): Html {
	const W = LanguageKeys.Web;
	return html`<div class="pager">
${page > 0 ? html`<a href="${linkTo(page)}">${t(W.Previous)}</a>` : null}
<span class="muted">${summary}</span>
${page + 1 < pages ? html`<a href="${linkTo(page + 2)}">${t(W.Next)}</a>` : null}
</div>`;
}

/** A POST form with the page's CSRF token. */
export const postForm = (action: string, csrf: string, body: Html, extra = ''): Html =>
	html`<form method="post" action="${action}" class="${extra}">
<input type="hidden" name="_csrf" value="${csrf}">
${body}</form>`;
