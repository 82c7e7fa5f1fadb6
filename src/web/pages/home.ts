import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { html, type Html } from '../html.js';

export interface ServerCard {
	id: string;
	name: string;
}

/** Not logged in: what the dashboard is, and the one way in. */
export function landingPage(t: Translate): Html {
	return html`<h1>${t(LanguageKeys.Web.LandingTitle)}</h1>
<p>${t(LanguageKeys.Web.LandingText)}</p>
<p><a class="button primary" href="/login">${t(LanguageKeys.Web.LogInWithDiscord)}</a></p>`;
}

/** The servers the user is in where the bot is too. */
export function serversPage(t: Translate, servers: readonly ServerCard[]): Html {
	if (servers.length === 0)
		return html`<h1>${t(LanguageKeys.Web.ServersTitle)}</h1>
<p class="muted">${t(LanguageKeys.Web.ServersNone)}</p>`;
	return html`<h1>${t(LanguageKeys.Web.ServersTitle)}</h1>
<ul class="cards">
${servers.map((server) => html`<li><a href="/g/${server.id}">${server.name}</a></li>`)}
</ul>`;
}

/** A short page for what went wrong, and what to do. */
export function noticePage(title: string, text: string, action?: { href: string; label: string }): Html {
	return html`<h1>${title}</h1>
<p>${text}</p>
${action ? html`<p><a class="button" href="${action.href}">${action.label}</a></p>` : null}`;
}
