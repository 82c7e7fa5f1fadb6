import { html, type Html } from '../html.js';

export interface ServerCard {
	id: string;
	name: string;
}

/** Not logged in: what the dashboard is, and the one way in. */
export function landingPage(): Html {
	return html`<h1>Support tickets</h1>
		<p>Find, read and work your server's tickets, and read your own transcripts.</p>
		<p><a class="button primary" href="/login">Log in with Discord</a></p>`;
}

/** The servers the user is in where the bot is too. */
export function serversPage(servers: readonly ServerCard[]): Html {
	if (servers.length === 0)
		return html`<h1>Your servers</h1>
			<p class="muted">None of your servers has this bot. Ask an admin to invite it, then log in again.</p>`;
	return html`<h1>Your servers</h1>
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
