import type { FastifyInstance } from 'fastify';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { SESSION_COOKIE, type WebContext } from '../context.js';
import { noticePage } from '../pages/home.js';
import { SESSION_TTL_MS } from '../sessions.js';

const STATE_COOKIE = 'ticketbot_oauth';
const LOGIN_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** Logging in with Discord (authorization code, state and PKCE) and out again. */
export function authRoutes(app: FastifyInstance, web: WebContext): void {
	const { sessions, login, secure } = web;

	app.get('/login', { config: LOGIN_LIMIT }, async (_request, reply) => {
		const { url, state, verifier } = login.begin();
		reply.setCookie(STATE_COOKIE, JSON.stringify({ state, verifier }), {
			path: '/auth',
			httpOnly: true,
			sameSite: 'lax',
			secure,
			signed: true,
			maxAge: 600
		});
		return reply.redirect(url.toString());
	});

	app.get<{ Querystring: { code?: string; state?: string; error?: string } }>(
		'/auth/callback',
		{ config: LOGIN_LIMIT },
		async (request, reply) => {
			const { t } = request.lang;
			const W = LanguageKeys.Web;
			const stored = request.cookies[STATE_COOKIE] ? request.unsignCookie(request.cookies[STATE_COOKIE]) : null;
			reply.clearCookie(STATE_COOKIE, { path: '/auth' });
			const expected = stored?.valid && stored.value ? (JSON.parse(stored.value) as { state: string; verifier: string }) : null;
			const { code, state, error } = request.query;
			if (error)
				return web.page(
					request,
					reply,
					t(W.LoginCancelledTitle),
					noticePage(t(W.LoginCancelledTitle), t(W.LoginCancelledText), { href: '/login', label: t(W.TryAgain) }),
					400
				);
			if (!expected || !code || state !== expected.state)
				return web.page(
					request,
					reply,
					t(W.LoginExpiredTitle),
					noticePage(t(W.LoginExpiredTitle), t(W.LoginExpiredText), { href: '/login', label: t(W.LogInWithDiscord) }),
					400
				);
			const { user, guildIds } = await login.finish(code, expected.verifier);
			// A fresh session for every login: whatever the browser held before is ended.
			if (request.sessionToken) await sessions.end(request.sessionToken);
			const token = await sessions.create(user, guildIds);
			reply.setCookie(SESSION_COOKIE, token, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure,
				maxAge: SESSION_TTL_MS / 1000
			});
			return reply.redirect('/');
		}
	);

	app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
		if (request.sessionToken) await sessions.end(request.sessionToken);
		reply.clearCookie(SESSION_COOKIE, { path: '/' });
		return reply.redirect('/');
	});
}
