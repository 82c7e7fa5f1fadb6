import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emulator } from '../Emulator.js';
import { sendJson } from '../rest/router.js';
import { type AuthorizeTarget, OAuthError } from './grants.js';
import { authorizePage, errorPage, loginRequiredPage } from './pages.js';

/** Who is logged in to Discord in a browser: the user ID in this cookie on the emulator's origin. */
export const BROWSER_COOKIE = 'discord_user';

/** The authorization request's parameters, carried from the page to its form. */
const REQUEST_FIELDS = [
	'response_type',
	'client_id',
	'redirect_uri',
	'scope',
	'state',
	'code_challenge',
	'code_challenge_method',
	'prompt'
];

export interface OAuthEndpoint {
	kind: 'authorize' | 'token' | 'revoke' | 'browserLogin';
	/** As recorded in emulator.calls. */
	route: string;
}

/**
 * The OAuth2 paths. The authorize page belongs to Discord's web app (discord.com/oauth2/authorize, also
 * served under /api); the token endpoints to its API (discord.com/api/oauth2/token, any version).
 */
export function oauthEndpointOf(method: string, pathname: string): OAuthEndpoint | null {
	if ((method === 'GET' || method === 'POST') && /^(\/api(\/v\d+)?)?\/oauth2\/authorize$/.test(pathname))
		return { kind: 'authorize', route: '/oauth2/authorize' };
	// The emulator's own door, not Discord's: a person trying the sandbox in their browser logs in as a demo member.
	if (method === 'GET' && pathname === '/sandbox/login') return { kind: 'browserLogin', route: '/sandbox/login' };
	if (method !== 'POST') return null;
	if (/^\/api(\/v\d+)?\/oauth2\/token$/.test(pathname)) return { kind: 'token', route: '/oauth2/token' };
	if (/^\/api(\/v\d+)?\/oauth2\/token\/revoke$/.test(pathname)) return { kind: 'revoke', route: '/oauth2/token/revoke' };
	return null;
}

type Fields = Record<string, string>;

/**
 * The OAuth2 endpoints over HTTP: HTML pages, redirects and form bodies, none of which the JSON REST
 * router speaks. The rules themselves are in grants.ts. Each call answers its status for emulator.calls.
 */
export class OAuthEndpoints {
	public constructor(private readonly emulator: Emulator) {}

	public async handle(
		endpoint: OAuthEndpoint,
		path: string,
		request: IncomingMessage,
		response: ServerResponse,
		query: URLSearchParams
	): Promise<{ status: number; body: unknown }> {
		const method = request.method ?? 'GET';
		const form = await readForm(request);
		const body = method === 'GET' ? undefined : form.fields;
		try {
			// The same faults a test injects on REST routes, so a dashboard can meet a Discord that is down or slow.
			const { latencyMs, fault } = this.emulator.limits.takeFault(method, endpoint.route, path);
			if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
			if (fault?.kind === 'serverError')
				return answerJson(response, fault.status, { message: 'Internal Server Error', code: 0 }, body);
			if (fault?.kind === 'apiError')
				return answerJson(response, fault.status, { message: fault.message, code: fault.code }, body);
			if (fault?.kind === 'rateLimit') {
				const seconds = fault.retryAfterMs / 1000;
				const payload = { message: 'You are being rate limited.', retry_after: seconds, global: fault.global };
				return answerJson(response, 429, payload, body, { 'retry-after': String(Math.ceil(seconds)) });
			}

			if (endpoint.kind === 'browserLogin') return { status: this.#browserLogin(response, firstValues(query)), body };
			if (endpoint.kind === 'authorize')
				return { status: this.#authorize(method, request, response, method === 'GET' ? firstValues(query) : form.fields), body };
			return { status: this.#token(endpoint.kind, request, response, form), body };
		} catch (error) {
			console.error('emulator: OAuth2 handler failed', method, path, error);
			return answerJson(response, 500, { message: 'Internal Server Error', code: 0 }, body);
		}
	}

	/** GET shows the authorization screen; POST is the user's click on it. */
	#authorize(method: string, request: IncomingMessage, response: ServerResponse, params: Fields): number {
		const { state, oauth } = this.emulator;
		const userId = this.#browserUser(request);
		if (!userId) return sendHtml(response, 401, loginRequiredPage(BROWSER_COOKIE));

		let target: AuthorizeTarget;
		try {
			target = oauth.target(params);
		} catch (error) {
			if (error instanceof OAuthError) return sendHtml(response, 400, errorPage(error.error, error.message));
			throw error;
		}
		let authorizeRequest;
		try {
			authorizeRequest = oauth.authorizeRequest(params);
		} catch (error) {
			if (error instanceof OAuthError)
				return redirect(response, target, { error: error.error, error_description: error.message });
			throw error;
		}

		if (method === 'GET') {
			// prompt=none: Discord skips the screen for an app the user already authorized with these scopes.
			if (authorizeRequest.promptNone && oauth.hasConsented(userId, authorizeRequest.scopes))
				return redirect(response, target, { code: oauth.issueCode(authorizeRequest, userId) });
			const user = state.user(userId);
			const fields = Object.fromEntries(REQUEST_FIELDS.filter((name) => params[name]).map((name) => [name, params[name]!]));
			const page = authorizePage({
				applicationName: state.botUser.username,
				userName: user.globalName ?? user.username,
				username: user.username,
				request: authorizeRequest,
				fields
			});
			return sendHtml(response, 200, page);
		}
		if (params.decision === 'cancel')
			return redirect(response, target, {
				error: 'access_denied',
				error_description: 'The resource owner or authorization server denied the request'
			});
		if (params.decision !== 'authorize')
			return sendHtml(response, 400, errorPage('invalid_request', 'decision must be authorize or cancel.'));
		return redirect(response, target, { code: oauth.issueCode(authorizeRequest, userId) });
	}

	/** The token and revocation endpoints: form bodies in, RFC 6749 JSON out. */
	#token(
		kind: 'token' | 'revoke',
		request: IncomingMessage,
		response: ServerResponse,
		form: { fields: Fields; isForm: boolean }
	): number {
		const { oauth } = this.emulator;
		const basic = request.headers.authorization?.startsWith('Basic ') ?? false;
		const fields = form.fields;
		try {
			if (!form.isForm) throw new OAuthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
			const clientId = this.#authenticateClient(request, fields);
			if (kind === 'revoke') {
				oauth.revoke(clientId, fields.token);
				return sendToken(response, 200, {});
			}
			if (!fields.grant_type) throw new OAuthError(400, 'invalid_request', 'grant_type is required.');
			if (fields.grant_type === 'authorization_code') return sendToken(response, 200, oauth.exchangeCode(clientId, fields));
			if (fields.grant_type === 'refresh_token') return sendToken(response, 200, oauth.refresh(clientId, fields));
			throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant_type ${fields.grant_type}.`);
		} catch (error) {
			if (!(error instanceof OAuthError)) throw error;
			// RFC 6749 5.2: a client that tried Basic and failed is told how to authenticate.
			const headers: Record<string, string> =
				error.status === 401 && basic ? { 'www-authenticate': 'Basic realm="discord"' } : {};
			return sendToken(response, error.status, { error: error.error, error_description: error.message }, headers);
		}
	}

	/** client_secret_basic or client_secret_post, not both (RFC 6749 2.3); the client's ID either way. */
	#authenticateClient(request: IncomingMessage, fields: Fields): string {
		const header = request.headers.authorization;
		if (!header?.startsWith('Basic ')) {
			this.emulator.oauth.authenticateClient(fields.client_id, fields.client_secret);
			return fields.client_id!;
		}
		if (fields.client_secret)
			throw new OAuthError(400, 'invalid_request', 'Authenticate the client once: Basic or client_secret in the body.');
		const [id, secret] = parseBasic(header.slice('Basic '.length));
		if (fields.client_id && fields.client_id !== id) throw new OAuthError(401, 'invalid_client', 'client_id differs from Basic.');
		this.emulator.oauth.authenticateClient(id, secret);
		return id!;
	}

	/** The user of the browser's Discord session: a known human (bots cannot log in to the web app). */
	/**
	 * Logs this browser in to the emulated Discord as a demo member, then goes on to `next`, which must be
	 * on the origin of a registered redirect URI (the dashboard), so the door leads nowhere else.
	 */
	#browserLogin(response: ServerResponse, params: Fields): number {
		const user = params.user ? this.emulator.state.users.get(params.user) : undefined;
		const next = params.next ? parseUrl(params.next) : null;
		const allowed = [...this.emulator.oauth.redirectUris].some((uri) => next && parseUrl(uri)?.origin === next.origin);
		if (!user || user.bot || !next || !allowed)
			return sendHtml(response, 400, errorPage('invalid_request', 'Unknown user or destination'));
		response
			.writeHead(302, {
				location: next.toString(),
				'set-cookie': `${BROWSER_COOKIE}=${user.id}; Path=/; HttpOnly; SameSite=Lax`,
				'cache-control': 'no-store'
			})
			.end();
		return 302;
	}

	#browserUser(request: IncomingMessage): string | null {
		const id = cookies(request.headers.cookie)[BROWSER_COOKIE];
		const user = id ? this.emulator.state.users.get(id) : undefined;
		return user && !user.bot ? user.id : null;
	}
}

/** Basic credentials are each form-encoded before base64 (RFC 6749 2.3.1). */
function parseBasic(encoded: string): [string | undefined, string | undefined] {
	const decoded = Buffer.from(encoded.trim(), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return [undefined, undefined];
	const unescape = (part: string) => {
		try {
			return decodeURIComponent(part.replace(/\+/g, ' '));
		} catch {
			return undefined;
		}
	};
	return [unescape(decoded.slice(0, colon)), unescape(decoded.slice(colon + 1))];
}

function cookies(header: string | undefined): Record<string, string> {
	const jar: Record<string, string> = {};
	for (const part of (header ?? '').split(';')) {
		const equals = part.indexOf('=');
		if (equals < 0) continue;
		const name = part.slice(0, equals).trim();
		try {
			jar[name] ??= decodeURIComponent(part.slice(equals + 1).trim());
		} catch {
			// A cookie that is not URI-encoded text is nobody's session.
		}
	}
	return jar;
}

/** A repeated parameter keeps its first value. */
function firstValues(params: URLSearchParams): Fields {
	const fields: Fields = {};
	for (const [name, value] of params) fields[name] ??= value;
	return fields;
}

async function readForm(request: IncomingMessage): Promise<{ fields: Fields; isForm: boolean }> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const isForm = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
	return { fields: isForm ? firstValues(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) : {}, isForm };
}

function parseUrl(text: string): URL | null {
	try {
		return new URL(text);
	} catch {
		return null;
	}
}

function sendHtml(response: ServerResponse, status: number, html: string): number {
	response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
	return status;
}

/** Token answers must not be cached (RFC 6749 5.1). */
function sendToken(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
	sendJson(response, status, body, { ...headers, 'cache-control': 'no-store', pragma: 'no-cache' });
	return status;
}

function answerJson(
	response: ServerResponse,
	status: number,
	payload: unknown,
	body: unknown,
	headers: Record<string, string> = {}
): { status: number; body: unknown } {
	sendJson(response, status, payload, headers);
	return { status, body };
}

/** Back to the app with the answer in the query; `state` comes back as the app sent it. */
function redirect(response: ServerResponse, target: AuthorizeTarget, values: Fields): number {
	const location = new URL(target.redirectUri);
	for (const [name, value] of Object.entries(values)) location.searchParams.set(name, value);
	if (target.state !== null) location.searchParams.set('state', target.state);
	response.writeHead(302, { location: location.toString(), 'cache-control': 'no-store' }).end();
	return 302;
}
