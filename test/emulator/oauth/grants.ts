import { createHash, randomBytes } from 'node:crypto';

/** The scopes the emulator grants: what a dashboard logs users in with (Discord has more). */
export const OAUTH_SCOPES = ['identify', 'email', 'guilds', 'guilds.members.read'] as const;
export type OAuthScope = (typeof OAUTH_SCOPES)[number];

/** Discord: an authorization code lasts 10 minutes, an access token 7 days. */
export const CODE_LIFETIME_MS = 10 * 60_000;
export const ACCESS_TOKEN_LIFETIME_S = 604_800;

/** An OAuth2 refusal as RFC 6749 spells it: the HTTP status, the `error` code and a description for people. */
export class OAuthError extends Error {
	public constructor(
		public readonly status: number,
		public readonly error: string,
		description: string
	) {
		super(description);
	}
}

const invalidRequest = (description: string) => new OAuthError(400, 'invalid_request', description);
const invalidGrant = (description: string) => new OAuthError(400, 'invalid_grant', description);

/** Where the answer to an authorization request goes, once client and redirect URI are known to be the app's. */
export interface AuthorizeTarget {
	clientId: string;
	redirectUri: string;
	state: string | null;
}

export interface AuthorizeRequest extends AuthorizeTarget {
	scopes: OAuthScope[];
	/** base64url(sha256(verifier)), when the client uses PKCE. */
	codeChallenge: string | null;
	/** prompt=none: skip the page when the user already authorized these scopes. */
	promptNone: boolean;
}

interface Code extends AuthorizeRequest {
	userId: string;
	expiresAt: number;
	/** Set at the first exchange: a second use revokes what the first one got (RFC 6749 4.1.2). */
	spent: boolean;
	authorizationId: string | null;
}

/** A user's consent to the app: every token issued from one code (and its refreshes) belongs to one. */
interface Authorization {
	id: string;
	userId: string;
	clientId: string;
	scopes: OAuthScope[];
}

interface IssuedToken {
	authorizationId: string;
	kind: 'access' | 'refresh';
	scopes: OAuthScope[];
	expiresAt: number;
}

export interface TokenResponse {
	access_token: string;
	token_type: 'Bearer';
	expires_in: number;
	refresh_token: string;
	scope: string;
}

type Params = Record<string, string | undefined>;

const secret = () => randomBytes(24).toString('base64url');

/**
 * Discord's OAuth2 authorization server for the one application the emulator hosts: registered redirect
 * URIs, authorization codes, access and refresh tokens. No HTTP here (see endpoints.ts), only the rules.
 */
export class OAuthGrants {
	/** Discord sends a browser back only to a redirect URI registered for the app, compared exactly. */
	public readonly redirectUris = new Set<string>();
	readonly #codes = new Map<string, Code>();
	readonly #tokens = new Map<string, IssuedToken>();
	readonly #authorizations = new Map<string, Authorization>();

	public constructor(
		public readonly clientId: string,
		public readonly clientSecret: string
	) {}

	/**
	 * The client and redirect URI of an authorization request. A wrong one must not be redirected to (the
	 * redirect would hand the answer to whoever forged the link): the caller shows the error instead.
	 */
	public target(params: Params): AuthorizeTarget {
		if (!params.client_id) throw invalidRequest('client_id is required.');
		if (params.client_id !== this.clientId) throw new OAuthError(400, 'invalid_client', 'Unknown application.');
		if (!params.redirect_uri) throw invalidRequest('redirect_uri is required.');
		if (!this.redirectUris.has(params.redirect_uri)) throw invalidRequest('Invalid OAuth2 redirect_uri.');
		return { clientId: params.client_id, redirectUri: params.redirect_uri, state: params.state || null };
	}

	/** The rest of the request; these errors go back to the client by redirect (RFC 6749 4.1.2.1). */
	public authorizeRequest(params: Params): AuthorizeRequest {
		const target = this.target(params);
		if (!params.response_type) throw invalidRequest('response_type is required.');
		if (params.response_type !== 'code')
			throw new OAuthError(400, 'unsupported_response_type', `response_type must be code, not ${params.response_type}.`);
		const scopes = parseScopes(params.scope);
		const challenge = params.code_challenge || null;
		if (challenge) {
			if (params.code_challenge_method !== 'S256') throw invalidRequest('code_challenge_method must be S256.');
			// S256 of anything is 32 bytes, so 43 base64url characters.
			if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) throw invalidRequest('code_challenge must be a base64url SHA-256 hash.');
		} else if (params.code_challenge_method) throw invalidRequest('code_challenge_method without code_challenge.');
		if (params.prompt && !['none', 'consent'].includes(params.prompt)) throw invalidRequest('prompt must be none or consent.');
		return { ...target, scopes, codeChallenge: challenge, promptNone: params.prompt === 'none' };
	}

	/** Whether the user already authorized (and did not revoke) at least these scopes. */
	public hasConsented(userId: string, scopes: readonly OAuthScope[]): boolean {
		return [...this.#authorizations.values()].some(
			(entry) => entry.userId === userId && scopes.every((scope) => entry.scopes.includes(scope))
		);
	}

	/** The user clicked Authorize: a single-use code for the redirect. */
	public issueCode(request: AuthorizeRequest, userId: string): string {
		const code = secret();
		this.#codes.set(code, { ...request, userId, expiresAt: Date.now() + CODE_LIFETIME_MS, spent: false, authorizationId: null });
		return code;
	}

	/** Client authentication: Discord wants the secret for the code grant, PKCE or not. */
	public authenticateClient(clientId: string | undefined, clientSecret: string | undefined): void {
		if (!clientId || clientId !== this.clientId) throw new OAuthError(401, 'invalid_client', 'Unknown client.');
		if (!clientSecret) throw new OAuthError(401, 'invalid_client', 'The client secret is required.');
		if (clientSecret !== this.clientSecret) throw new OAuthError(401, 'invalid_client', 'Invalid client secret.');
	}

	/** grant_type=authorization_code, for an authenticated client. */
	public exchangeCode(clientId: string, params: Params): TokenResponse {
		if (!params.code) throw invalidRequest('code is required.');
		if (!params.redirect_uri) throw invalidRequest('redirect_uri is required.');
		this.#dropExpiredCodes();
		const code = this.#codes.get(params.code);
		if (!code || code.clientId !== clientId) throw invalidGrant('Invalid "code" in request.');
		if (code.spent) {
			// A code seen twice was stolen or replayed: what it bought is no longer safe either.
			if (code.authorizationId) this.#revokeAuthorization(code.authorizationId);
			throw invalidGrant('Invalid "code" in request.');
		}
		// Spent whatever happens next: a wrong verifier must not be retried against the same code.
		code.spent = true;
		if (params.redirect_uri !== code.redirectUri) throw invalidGrant('Invalid "redirect_uri" in request.');
		if (code.codeChallenge) {
			if (!params.code_verifier || !verifierMatches(params.code_verifier, code.codeChallenge))
				throw invalidGrant('Invalid "code_verifier" in request.');
		} else if (params.code_verifier) throw invalidGrant('code_verifier given but the authorization had no code_challenge.');

		const authorization: Authorization = { id: secret(), userId: code.userId, clientId, scopes: code.scopes };
		this.#authorizations.set(authorization.id, authorization);
		code.authorizationId = authorization.id;
		return this.#issueTokens(authorization, code.scopes);
	}

	/** grant_type=refresh_token: a new pair; the old refresh token is spent (the old access token lives on). */
	public refresh(clientId: string, params: Params): TokenResponse {
		if (!params.refresh_token) throw invalidRequest('refresh_token is required.');
		const token = this.#tokens.get(params.refresh_token);
		const authorization = token && this.#authorizations.get(token.authorizationId);
		if (!token || token.kind !== 'refresh' || !authorization || authorization.clientId !== clientId)
			throw invalidGrant('Invalid "refresh_token" in request.');
		// A refresh may narrow the scopes, never widen them (RFC 6749 6).
		const scopes = params.scope ? parseScopes(params.scope) : token.scopes;
		if (!scopes.every((scope) => token.scopes.includes(scope)))
			throw new OAuthError(400, 'invalid_scope', 'A refresh cannot add scopes.');
		this.#tokens.delete(params.refresh_token);
		return this.#issueTokens(authorization, scopes);
	}

	/** RFC 7009: revoking either token ends the whole authorization; an unknown token is not an error. */
	public revoke(clientId: string, token: string | undefined): void {
		if (!token) throw invalidRequest('token is required.');
		const issued = this.#tokens.get(token);
		const authorization = issued && this.#authorizations.get(issued.authorizationId);
		if (authorization?.clientId === clientId) this.#revokeAuthorization(authorization.id);
	}

	/** The user a live access token acts for, if it carries the scope; null otherwise. */
	public userFor(accessToken: string, scope: OAuthScope): string | null {
		const token = this.#tokens.get(accessToken);
		if (!token || token.kind !== 'access' || token.expiresAt <= Date.now() || !token.scopes.includes(scope)) return null;
		return this.#authorizations.get(token.authorizationId)?.userId ?? null;
	}

	/** The scopes of a live access token (for routes whose answer grows with them, such as email on /users/@me). */
	public scopesOf(accessToken: string): OAuthScope[] {
		const token = this.#tokens.get(accessToken);
		return token?.kind === 'access' && token.expiresAt > Date.now() ? [...token.scopes] : [];
	}

	#issueTokens(authorization: Authorization, scopes: OAuthScope[]): TokenResponse {
		const access = secret();
		const refresh = secret();
		const base = { authorizationId: authorization.id, scopes };
		this.#tokens.set(access, { ...base, kind: 'access', expiresAt: Date.now() + ACCESS_TOKEN_LIFETIME_S * 1000 });
		this.#tokens.set(refresh, { ...base, kind: 'refresh', expiresAt: Number.POSITIVE_INFINITY });
		return {
			access_token: access,
			token_type: 'Bearer',
			expires_in: ACCESS_TOKEN_LIFETIME_S,
			refresh_token: refresh,
			scope: scopes.join(' ')
		};
	}

	#revokeAuthorization(id: string): void {
		this.#authorizations.delete(id);
		for (const [token, issued] of this.#tokens) if (issued.authorizationId === id) this.#tokens.delete(token);
	}

	#dropExpiredCodes(): void {
		const now = Date.now();
		for (const [code, entry] of this.#codes) if (entry.expiresAt <= now) this.#codes.delete(code);
	}
}

/** Space-separated scopes (a `+` in the query string is already a space), each one the emulator knows. */
function parseScopes(raw: string | undefined): OAuthScope[] {
	const scopes = [...new Set((raw ?? '').split(/\s+/).filter(Boolean))];
	if (scopes.length === 0) throw new OAuthError(400, 'invalid_scope', 'scope is required.');
	const unknown = scopes.find((scope) => !(OAUTH_SCOPES as readonly string[]).includes(scope));
	if (unknown) throw new OAuthError(400, 'invalid_scope', `Invalid scope: ${unknown}.`);
	return scopes as OAuthScope[];
}

/** PKCE S256 (RFC 7636 4.6): base64url(sha256(verifier)) equals the challenge; a verifier is 43–128 characters. */
function verifierMatches(verifier: string, challenge: string): boolean {
	if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
	return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
