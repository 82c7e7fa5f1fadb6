import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { SupportedLocale } from '../../lib/i18n/locales.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { html, type Html } from '../html.js';

export interface PageFrame {
	title: string;
	t: Translate;
	locale: SupportedLocale;
	/** The logged-in user, for the header and its logout form. */
	user?: { username: string; csrf: string };
	/** The project's scripts the page needs (most need none). */
	scripts?: readonly string[];
}

/** Every page's frame: one stylesheet from the project (light and dark), no inline script, readable on a phone. */
export function layout(frame: PageFrame, body: Html): Html {
	const { t } = frame;
	return html`<!doctype html>
<html lang="${frame.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${frame.title} · ${t(LanguageKeys.Web.Brand)}</title>
<link rel="stylesheet" href="/static/app.css">
${(frame.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<header class="top">
<a class="brand" href="/">${t(LanguageKeys.Web.Brand)}</a>
${
	frame.user
		? html`<form class="logout" method="post" action="/logout">
<span class="who">${frame.user.username}</span>
<input type="hidden" name="_csrf" value="${frame.user.csrf}">
<button type="submit">${t(LanguageKeys.Web.LogOut)}</button>
</form>`
		: null
}
</header>
<main>
${body}
</main>
</body>
</html>`;
}
