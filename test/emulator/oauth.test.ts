import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Emulator } from './Emulator.js';
import { ALL_PERMISSIONS } from './permissions.js';
import type { EGuild, EUser } from './state.js';
import { World } from './world.js';

const REDIRECT = 'http://127.0.0.1:5173/auth/callback';

let emulator: Emulator;
let world: World;
let owner: EUser;
let alice: EUser;
let guild: EGuild;

beforeEach(async () => {
	emulator = await new Emulator().start();
	emulator.allowRedirect(REDIRECT);
	world = new World(emulator);
	owner = world.createUser('owner');
	guild = world.createGuild({ name: 'Guild', owner });
	alice = world.createUser('alice');
	alice.globalName = 'Alice';
});

afterEach(() => {
	vi.useRealTimers();
	return emulator.stop();
});

/** A PKCE pair as a dashboard makes it (RFC 7636, S256). */
function pkce() {
	const verifier = randomBytes(32).toString('base64url');
	return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeQuery(overrides: Record<string, string | null> = {}, challenge = pkce().challenge): string {
	const params: Record<string, string | null> = {
		response_type: 'code',
		client_id: emulator.clientId,
		redirect_uri: REDIRECT,
		scope: 'identify guilds',
		state: 'st4te',
		code_challenge: challenge,
		code_challenge_method: 'S256',
		...overrides
	};
	return new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== null)).toString();
}

/** The browser: the Discord session is the cookie; redirects are read, not followed. */
async function browse(path: string, userId: string | null, form?: Record<string, string>) {
	const response = await fetch(`${emulator.webUrl}${path}`, {
		method: form ? 'POST' : 'GET',
		redirect: 'manual',
		headers: {
			...(userId ? { cookie: `theme=dark; ${emulator.browserCookie(userId).name}=${userId}` } : {}),
			...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
		},
		body: form ? new URLSearchParams(form).toString() : undefined
	});
	return { status: response.status, headers: response.headers, html: await response.text() };
}

/** The form's hidden fields, as the browser would submit them. */
function hiddenFields(html: string): Record<string, string> {
	const unescape = (text: string) =>
		text.replace(
			/&(amp|lt|gt|quot|#39);/g,
			(_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!
		);
	return Object.fromEntries(
		[...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [match[1]!, unescape(match[2]!)])
	);
}

/** Opens the authorize page as the user and clicks a button; the redirect's query. */
async function authorize(user: EUser, decision: 'authorize' | 'cancel', query = authorizeQuery()) {
	const page = await browse(`/oauth2/authorize?${query}`, user.id);
	expect(page.status).toBe(200);
	const answer = await browse('/oauth2/authorize', user.id, { ...hiddenFields(page.html), decision });
	expect(answer.status).toBe(302);
	const location = new URL(answer.headers.get('location')!);
	expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
	return location.searchParams;
}

/** The dashboard's server calling the token endpoint. */
async function token(fields: Record<string, string>, client: 'basic' | 'post' | 'none' = 'basic', path = '/oauth2/token') {
	const body = new URLSearchParams(fields);
	if (client === 'post') {
		body.set('client_id', emulator.clientId);
		body.set('client_secret', emulator.clientSecret);
	}
	if (client === 'none') body.set('client_id', emulator.clientId);
	const basic = Buffer.from(`${emulator.clientId}:${emulator.clientSecret}`).toString('base64');
	const response = await fetch(`${emulator.restUrl}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			...(client === 'basic' ? { authorization: `Basic ${basic}` } : {})
		},
		body
	});
	return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

async function loggedIn(user: EUser, scope = 'identify guilds') {
	const { verifier, challenge } = pkce();
	const code = (await authorize(user, 'authorize', authorizeQuery({ scope }, challenge))).get('code')!;
	const exchanged = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
	expect(exchanged.status).toBe(200);
	return exchanged.body as { access_token: string; refresh_token: string; scope: string };
}

async function api(path: string, authorization: string) {
	const response = await fetch(`${emulator.restUrl}/v10${path}`, { headers: { authorization } });
	return { status: response.status, body: (await response.json()) as any };
}

describe('OAuth2 authorization code with PKCE', () => {
	it('logs a user in: authorize page, code, token, then /users/@me and their guilds with permissions', async () => {
		const staff = world.createRole(guild, 'Staff', P.ManageChannels | P.KickMembers, 2);
		world.addMember(guild, alice, [staff]);
		const owned = world.createGuild({ name: 'Alice’s own', owner: alice });
		world.createGuild({ name: 'Not hers', owner });
		const { verifier, challenge } = pkce();

		const page = await browse(`/oauth2/authorize?${authorizeQuery({}, challenge)}`, alice.id);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(page.html).toContain('Ticket Bot');
		expect(page.html).toContain('Alice');
		expect(page.html).toContain('data-scope="identify"');
		expect(page.html).toContain('data-scope="guilds"');
		expect(page.html).toContain('<form method="post" action="/oauth2/authorize">');
		expect(page.html).toContain('<button name="decision" value="authorize">Authorize</button>');
		expect(page.html).toContain('<button name="decision" value="cancel">Cancel</button>');
		expect(hiddenFields(page.html)).toMatchObject({
			client_id: emulator.clientId,
			redirect_uri: REDIRECT,
			code_challenge: challenge
		});

		const answer = await browse('/oauth2/authorize', alice.id, { ...hiddenFields(page.html), decision: 'authorize' });
		expect(answer.status).toBe(302);
		const location = new URL(answer.headers.get('location')!);
		expect(location.searchParams.get('state')).toBe('st4te');
		const code = location.searchParams.get('code')!;
		expect(code).toBeTruthy();

		const exchanged = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
		expect(exchanged.status).toBe(200);
		expect(exchanged.headers.get('cache-control')).toBe('no-store');
		expect(exchanged.body).toEqual({
			access_token: expect.any(String),
			token_type: 'Bearer',
			expires_in: 604800,
			refresh_token: expect.any(String),
			scope: 'identify guilds'
		});
		const bearer = `Bearer ${exchanged.body.access_token}`;

		expect(await api('/users/@me', bearer)).toEqual({ status: 200, body: emulator.state.apiUser(alice.id) });
		const guilds = await api('/users/@me/guilds', bearer);
		expect(guilds.status).toBe(200);
		expect(guilds.body).toEqual([
			{
				id: guild.id,
				name: 'Guild',
				icon: null,
				banner: null,
				owner: false,
				permissions: emulator.state.guildPermissions(guild.id, alice.id).toString(),
				features: []
			},
			expect.objectContaining({ id: owned.id, owner: true, permissions: ALL_PERMISSIONS.toString() })
		]);
		const bits = BigInt(guilds.body[0].permissions);
		expect(bits & (P.ManageChannels | P.KickMembers)).toBe(P.ManageChannels | P.KickMembers);
		expect(bits & P.Administrator).toBe(0n);

		// The bot's token still means the bot.
		expect((await api('/users/@me', `Bot ${emulator.token}`)).body.id).toBe(emulator.botId);
		const botGuilds = await api('/users/@me/guilds', `Bot ${emulator.token}`);
		expect(botGuilds.body.map((entry: { id: string }) => entry.id)).toHaveLength(3);

		expect(emulator.callsTo('POST', '/oauth2/token')).toHaveLength(1);
		expect(emulator.callsTo('GET', '/oauth2/authorize')[0]).toMatchObject({ status: 200, authenticated: false });
		expect(emulator.callsTo('GET', '/users/@me/guilds').map((call) => call.authenticated)).toEqual([false, true]);
		expect(emulator.unknownRoutes).toEqual([]);
	});

	it('accepts client_secret_post, /api/oauth2/authorize and /api/v10/oauth2/token, and refreshes once per refresh token', async () => {
		const { verifier, challenge } = pkce();
		const page = await browse(`/api/oauth2/authorize?${authorizeQuery({ scope: 'identify' }, challenge)}`, alice.id);
		expect(page.status).toBe(200);
		const answer = await browse('/oauth2/authorize', alice.id, { ...hiddenFields(page.html), decision: 'authorize' });
		const code = new URL(answer.headers.get('location')!).searchParams.get('code')!;
		const fields = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier };
		const first = await token(fields, 'post', '/v10/oauth2/token');
		expect(first).toMatchObject({ status: 200, body: { scope: 'identify' } });

		const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.access_token).not.toBe(first.body.access_token);
		expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
		expect((await api('/users/@me', `Bearer ${refreshed.body.access_token}`)).body.id).toBe(alice.id);
		expect(await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token })).toMatchObject({
			status: 400,
			body: { error: 'invalid_grant' }
		});
	});

	it('refuses a wrong or missing code_verifier, and the code is spent by the failed try', async () => {
		const { verifier, challenge } = pkce();
		const code = (await authorize(alice, 'authorize', authorizeQuery({}, challenge))).get('code')!;
		const exchange = (code_verifier?: string) =>
			token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...(code_verifier ? { code_verifier } : {}) });
		expect(await exchange(pkce().verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
		expect(await exchange(verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

		const other = pkce();
		const second = (await authorize(alice, 'authorize', authorizeQuery({}, other.challenge))).get('code')!;
		const missing = await token({ grant_type: 'authorization_code', code: second, redirect_uri: REDIRECT });
		expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
	});

	it('refuses a code used twice and revokes what its first use got', async () => {
		const { verifier, challenge } = pkce();
		const code = (await authorize(alice, 'authorize', authorizeQuery({}, challenge))).get('code')!;
		const fields = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier };
		const first = await token(fields);
		expect(first.status).toBe(200);
		expect(await token(fields)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
		expect(await api('/users/@me', `Bearer ${first.body.access_token}`)).toEqual({
			status: 401,
			body: { message: '401: Unauthorized', code: 0 }
		});
	});

	it('refuses a token request whose redirect_uri is not the authorized one', async () => {
		const other = 'http://127.0.0.1:5173/other';
		emulator.allowRedirect(other);
		const { verifier, challenge } = pkce();
		const code = (await authorize(alice, 'authorize', authorizeQuery({}, challenge))).get('code')!;
		const wrong = await token({ grant_type: 'authorization_code', code, redirect_uri: other, code_verifier: verifier });
		expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
	});

	it('expires codes after 10 minutes and access tokens after 7 days', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const { verifier, challenge } = pkce();
		const code = (await authorize(alice, 'authorize', authorizeQuery({}, challenge))).get('code')!;
		vi.setSystemTime(Date.now() + 10 * 60_000 + 1);
		const late = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
		expect(late).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

		const tokens = await loggedIn(alice);
		vi.setSystemTime(Date.now() + 604_800_000);
		expect((await api('/users/@me', `Bearer ${tokens.access_token}`)).status).toBe(401);
		// The refresh token outlives it.
		expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(200);
	});
});

describe('OAuth2 refusals', () => {
	it('shows a 400 page, with no redirect, for an unregistered redirect_uri or another app', async () => {
		const unregistered = await browse(`/oauth2/authorize?${authorizeQuery({ redirect_uri: 'http://evil.test/cb' })}`, alice.id);
		expect(unregistered.status).toBe(400);
		expect(unregistered.headers.get('location')).toBeNull();
		expect(unregistered.headers.get('content-type')).toContain('text/html');
		expect(unregistered.html).toContain('redirect_uri');
		expect(unregistered.html).not.toContain('<form');

		const posted = await browse('/oauth2/authorize', alice.id, {
			...Object.fromEntries(new URLSearchParams(authorizeQuery({ redirect_uri: 'http://evil.test/cb' }))),
			decision: 'authorize'
		});
		expect(posted.status).toBe(400);
		expect(posted.headers.get('location')).toBeNull();

		const otherApp = await browse(`/oauth2/authorize?${authorizeQuery({ client_id: '123' })}`, alice.id);
		expect(otherApp.status).toBe(400);
		expect(otherApp.headers.get('location')).toBeNull();
	});

	it('sends request errors back to the app: unknown scope, plain PKCE, another response_type', async () => {
		const errorOf = async (overrides: Record<string, string | null>) => {
			const page = await browse(`/oauth2/authorize?${authorizeQuery(overrides)}`, alice.id);
			expect(page.status).toBe(302);
			const location = new URL(page.headers.get('location')!);
			expect(location.searchParams.get('state')).toBe('st4te');
			return location.searchParams.get('error');
		};
		expect(await errorOf({ scope: 'identify bot' })).toBe('invalid_scope');
		expect(await errorOf({ code_challenge_method: 'plain' })).toBe('invalid_request');
		expect(await errorOf({ code_challenge_method: null })).toBe('invalid_request');
		expect(await errorOf({ response_type: 'token' })).toBe('unsupported_response_type');
	});

	it('refuses a wrong client secret, and a public client without one (Discord wants the secret)', async () => {
		const { verifier, challenge } = pkce();
		const code = (await authorize(alice, 'authorize', authorizeQuery({}, challenge))).get('code')!;
		const fields = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier };
		const basic = Buffer.from(`${emulator.clientId}:wrong`).toString('base64');
		const wrong = await fetch(`${emulator.restUrl}/oauth2/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
			body: new URLSearchParams(fields)
		});
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get('www-authenticate')).toContain('Basic');
		expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
		expect(await token(fields, 'none')).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
		expect(await token({ ...fields, client_id: emulator.clientId, client_secret: 'wrong' }, 'none')).toMatchObject({
			status: 401,
			body: { error: 'invalid_client' }
		});
		// None of this spent the code.
		expect((await token(fields)).status).toBe(200);
	});

	it('answers 401 with a log-in page, and no form, to a browser with no Discord session', async () => {
		for (const cookie of [null, '4242']) {
			const page = await browse(`/oauth2/authorize?${authorizeQuery()}`, cookie);
			expect(page.status).toBe(401);
			expect(page.headers.get('content-type')).toContain('text/html');
			expect(page.html).toContain('You must log in to Discord');
			expect(page.html).not.toContain('<form');
		}
		const posted = await browse('/oauth2/authorize', null, { ...Object.fromEntries(new URLSearchParams(authorizeQuery())) });
		expect(posted.status).toBe(401);
		expect(posted.headers.get('location')).toBeNull();
	});

	it('redirects with access_denied when the user cancels', async () => {
		const answer = await authorize(alice, 'cancel');
		expect(answer.get('error')).toBe('access_denied');
		expect(answer.get('error_description')).toBeTruthy();
		expect(answer.get('state')).toBe('st4te');
		expect(answer.get('code')).toBeNull();
	});

	it('stops a revoked token (and its refresh token) from working', async () => {
		const tokens = await loggedIn(alice);
		const bearer = `Bearer ${tokens.access_token}`;
		expect((await api('/users/@me', bearer)).status).toBe(200);
		expect((await token({ token: tokens.access_token }, 'basic', '/oauth2/token/revoke')).status).toBe(200);
		expect(await api('/users/@me', bearer)).toEqual({ status: 401, body: { message: '401: Unauthorized', code: 0 } });
		expect(await api('/users/@me/guilds', bearer)).toMatchObject({ status: 401 });
		expect(await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).toMatchObject({
			status: 400,
			body: { error: 'invalid_grant' }
		});
		// Revoking an unknown token is not an error (RFC 7009).
		expect((await token({ token: 'nothing' }, 'basic', '/oauth2/token/revoke')).status).toBe(200);
	});

	it('answers 401 to a token without the route’s scope, and to a bad one', async () => {
		const tokens = await loggedIn(alice, 'identify');
		expect((await api('/users/@me', `Bearer ${tokens.access_token}`)).status).toBe(200);
		expect(await api('/users/@me/guilds', `Bearer ${tokens.access_token}`)).toEqual({
			status: 401,
			body: { message: '401: Unauthorized', code: 0 }
		});
		expect((await api('/users/@me', 'Bearer nonsense')).status).toBe(401);
		// A Bearer token is for the user routes only, not the bot's.
		expect((await api(`/guilds/${guild.id}`, `Bearer ${tokens.access_token}`)).status).toBe(401);
	});

	it('escapes what the page echoes: a user name holding <script>, a state holding quotes', async () => {
		const mallory = world.createUser('<script>alert(1)</script>');
		mallory.globalName = '"><img src=x onerror=alert(2)>';
		const page = await browse(`/oauth2/authorize?${authorizeQuery({ state: '"><script>alert(3)</script>' })}`, mallory.id);
		expect(page.status).toBe(200);
		expect(page.html).not.toContain('<script>');
		expect(page.html).not.toContain('<img');
		expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(page.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
		// The state survives the form unchanged.
		expect(hiddenFields(page.html).state).toBe('"><script>alert(3)</script>');
	});

	it('refuses other grant types, a JSON body and a missing code', async () => {
		expect(await token({ grant_type: 'password' })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
		expect(await token({})).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
		expect(await token({ grant_type: 'authorization_code', redirect_uri: REDIRECT })).toMatchObject({
			status: 400,
			body: { error: 'invalid_request' }
		});
		const json = await fetch(`${emulator.restUrl}/oauth2/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ grant_type: 'authorization_code' })
		});
		expect(json.status).toBe(400);
		expect(await json.json()).toMatchObject({ error: 'invalid_request' });
	});
});

describe('OAuth2 extras', () => {
	it('skips the page with prompt=none once the user has authorized these scopes', async () => {
		const first = await browse(`/oauth2/authorize?${authorizeQuery({ prompt: 'none' })}`, alice.id);
		expect(first.status).toBe(200);
		await loggedIn(alice);
		const again = await browse(`/oauth2/authorize?${authorizeQuery({ prompt: 'none', scope: 'identify' })}`, alice.id);
		expect(again.status).toBe(302);
		expect(new URL(again.headers.get('location')!).searchParams.get('code')).toBeTruthy();
	});

	it('serves the member object with guilds.members.read (Bearer only) and the email with email', async () => {
		const staff = world.createRole(guild, 'Staff', 0n, 2);
		world.addMember(guild, alice, [staff]);
		alice.email = 'alice@example.test';
		const tokens = await loggedIn(alice, 'identify email guilds.members.read');
		const bearer = `Bearer ${tokens.access_token}`;
		const member = await api(`/users/@me/guilds/${guild.id}/member`, bearer);
		expect(member).toMatchObject({ status: 200, body: { roles: [staff.id], user: { id: alice.id } } });
		const elsewhere = world.createGuild({ name: 'Other', owner });
		expect(await api(`/users/@me/guilds/${elsewhere.id}/member`, bearer)).toMatchObject({ status: 404, body: { code: 10004 } });
		expect((await api(`/users/@me/guilds/${guild.id}/member`, `Bot ${emulator.token}`)).status).toBe(401);
		expect((await api('/users/@me', bearer)).body).toMatchObject({ id: alice.id, email: 'alice@example.test', verified: true });
	});

	it('keeps a user’s calls out of the bot’s rate-limit bucket', async () => {
		emulator.limits.config = { limit: 1, windowMs: 60_000, globalPerSecond: 50 };
		const tokens = await loggedIn(alice, 'identify');
		expect((await api('/users/@me', `Bearer ${tokens.access_token}`)).status).toBe(200);
		expect((await api('/users/@me', `Bot ${emulator.token}`)).status).toBe(200);
		expect((await api('/users/@me', `Bot ${emulator.token}`)).status).toBe(429);
	});
});

describe("the sandbox's browser login", () => {
	it('logs a browser in as a member and goes on to the dashboard, and nowhere else', async () => {
		const next = 'http://127.0.0.1:5173/login';
		const response = await browse(`/sandbox/login?user=${alice.id}&next=${encodeURIComponent(next)}`, null);
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe(next);
		expect(response.headers.get('set-cookie')).toBe(`discord_user=${alice.id}; Path=/; HttpOnly; SameSite=Lax`);
		for (const query of [
			`user=${alice.id}&next=${encodeURIComponent('https://evil.example/login')}`,
			`user=${emulator.botId}&next=${encodeURIComponent(next)}`,
			`user=123&next=${encodeURIComponent(next)}`
		])
			expect((await browse(`/sandbox/login?${query}`, null)).status).toBe(400);
	});
});
