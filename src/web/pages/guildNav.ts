import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { Translate } from '../../lib/i18n/notice.js';
import { html, type Html } from '../html.js';
import type { GuildAccess } from '../members.js';

export type GuildSection = 'tickets' | 'analytics' | 'audit' | 'settings' | 'integrations';

/** The server's heading and the pages this member may open in it (the current one marked). */
export function guildHeader(t: Translate, guild: { id: string; name: string }, access: GuildAccess, current: GuildSection): Html {
	const W = LanguageKeys.Web;
	const links: [GuildSection, string, string, boolean][] = [
		['tickets', `/g/${guild.id}`, t(W.NavTickets), true],
		['analytics', `/g/${guild.id}/analytics`, t(W.NavAnalytics), access.staff],
		['audit', `/g/${guild.id}/audit`, t(W.NavAudit), access.admin],
		['settings', `/g/${guild.id}/settings`, t(W.NavSettings), access.admin],
		['integrations', `/g/${guild.id}/integrations`, t(W.NavIntegrations), access.admin]
	];
	const shown = links.filter(([, , , allowed]) => allowed);
	return html`<h1>${guild.name}</h1>
${
	shown.length > 1
		? html`<nav class="guild-nav" aria-label="${t(W.NavLabel)}">${shown.map(([section, href, label]) =>
				section === current ? html`<a href="${href}" aria-current="page">${label}</a>` : html`<a href="${href}">${label}</a>`
			)}</nav>`
		: null
}`;
}
