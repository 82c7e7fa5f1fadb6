import type { AuthorizeRequest, OAuthScope } from './grants.js';

/** What Discord's authorization screen says each scope lets the app do. */
const SCOPE_TEXT: Record<OAuthScope, string> = {
	identify: 'Access your username, avatar and banner',
	email: 'Access your email address',
	guilds: 'Know what servers you are in',
	'guilds.members.read': 'Read your member info (nickname, roles) in the servers you are in'
};

/** Everything a page echoes comes from a URL or a user name: it is text, never markup. */
export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!
	);
}

/** A whole page; the empty icon keeps Chromium from asking for /favicon.ico (an unknown route). */
function page(title: string, body: string): string {
	return [
		'<!doctype html>',
		'<html lang="en">',
		'<head><meta charset="utf-8"><link rel="icon" href="data:,">',
		`<title>${escapeHtml(title)}</title></head>`,
		`<body><main>${body}</main></body>`,
		'</html>'
	].join('\n');
}

export interface AuthorizePageInput {
	applicationName: string;
	/** How the user shows: display name and username. */
	userName: string;
	username: string;
	request: AuthorizeRequest;
	/** The request's own parameters, carried through the form unchanged. */
	fields: Record<string, string>;
}

/** Discord's "An external application wants to access your account" screen, as a plain form. */
export function authorizePage({ applicationName, userName, username, request, fields }: AuthorizePageInput): string {
	const hidden = Object.entries(fields)
		.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
		.join('\n');
	const scopes = request.scopes
		.map((scope) => `<li data-scope="${escapeHtml(scope)}">${escapeHtml(SCOPE_TEXT[scope])}</li>`)
		.join('\n');
	return page(
		`Discord | Authorize ${applicationName}`,
		[
			`<h1 id="application">${escapeHtml(applicationName)}</h1>`,
			'<p>wants to access your Discord account</p>',
			`<p>Signed in as <strong id="user">${escapeHtml(userName)}</strong> (<span id="username">${escapeHtml(username)}</span>)</p>`,
			`<p>This will allow ${escapeHtml(applicationName)} to:</p>`,
			`<ul id="scopes">\n${scopes}\n</ul>`,
			`<p>Once you authorize, you will be redirected to <code>${escapeHtml(new URL(request.redirectUri).origin)}</code>.</p>`,
			'<form method="post" action="/oauth2/authorize">',
			hidden,
			'<button name="decision" value="cancel">Cancel</button>',
			'<button name="decision" value="authorize">Authorize</button>',
			'</form>'
		].join('\n')
	);
}

/** No Discord session in this browser: real Discord would show its login form; tests set a cookie instead. */
export function loginRequiredPage(cookieName: string): string {
	return page(
		'Discord | Log in',
		[
			'<h1>You must log in to Discord</h1>',
			'<p>You need to log in to Discord before you can authorize an application.</p>',
			`<p>(Emulator: set the <code>${escapeHtml(cookieName)}</code> cookie to a user ID, see <code>emulator.browserCookie</code>.)</p>`
		].join('\n')
	);
}

/** A request Discord will not redirect back from (unknown app, unregistered redirect URI, broken form). */
export function errorPage(error: string, description: string): string {
	return page(
		'Discord | Authorization error',
		['<h1>Something went wrong</h1>', `<p id="error" data-error="${escapeHtml(error)}">${escapeHtml(description)}</p>`].join('\n')
	);
}
