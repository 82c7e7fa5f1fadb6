import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Client } from 'discord.js';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { fileURLToPath } from 'node:url';
import { applicationId, publicUrl, type Env } from '../lib/config/env.js';
import type { DataStore } from '../lib/database/guildData.js';
import { Refusal } from '../lib/errors/Refusal.js';
import { LIST_STATUSES, ticketList } from '../lib/tickets/list.js';
import type { TicketServices } from '../lib/tickets/services.js';
import type { Html } from './html.js';
import { webMember } from './members.js';
import { discordLogin, type DiscordLogin } from './oauth.js';
import { landingPage, noticePage, serversPage } from './pages/home.js';
import { layout } from './pages/layout.js';
import { ticketsPage } from './pages/tickets.js';
import { SESSION_TTL_MS, SessionStore, type WebSession } from './sessions.js';

/** What the dashboard runs with: the bot's own services (a piece's container holds them under these names). */
export interface WebServices {
	readonly env: Env;
	readonly db: DataStore;
	readonly ticketServices: TicketServices;
	readonly discord: () => Client;
}

export interface WebServerOptions {
	/** The Discord login (tests may replace the endpoints; production uses Discord's). */
	login?: DiscordLogin;
	logger?: boolean;
}

const SESSION_COOKIE = 'ticketbot_session';
const STATE_COOKIE = 'ticketbot_oauth';
const STATIC_ROOT = fileURLToPath(new URL('../../src/web/static/', import.meta.url));

declare module 'fastify' {
	interface FastifyRequest {
		session: WebSession | null;
		sessionToken: string | undefined;
	}
}

/**
 * The dashboard: Discord login, then the servers the user shares with the bot and their tickets, each
 * through the same use cases and access policy as the chat commands. Pages are rendered on the server;
 * there is no script, and the Content-Security-Policy allows none.
 */
export async function createWebServer(services: WebServices, options: WebServerOptions = {}): Promise<FastifyInstance> {
	const { env } = services;
	const base = publicUrl(env);
	const secure = base.startsWith('https:');
	const login =
		options.login ??
		discordLogin({
			clientId: applicationId(env),
			clientSecret: env.DISCORD_CLIENT_SECRET ?? '',
			redirectUri: `${base}/auth/callback`,
			webUrl: env.DISCORD_WEB_URL,
			apiUrl: env.DISCORD_API_URL ?? 'https://discord.com/api'
		});
	const sessions = new SessionStore(services.db);
	const app = Fastify({ logger: options.logger ?? false, trustProxy: secure });

	await app.register(fastifyHelmet, {
		contentSecurityPolicy: {
			useDefaults: false,
			directives: {
				defaultSrc: ["'none'"],
				styleSrc: ["'self'"],
				imgSrc: ["'self'", 'data:'],
				formAction: ["'self'", env.DISCORD_WEB_URL],
				frameAncestors: ["'none'"],
				baseUri: ["'none'"]
			}
		},
		hsts: secure ? undefined : false
	});
	await app.register(fastifyRateLimit, { max: 300, timeWindow: '1 minute' });
	await app.register(fastifyCookie, { secret: env.SESSION_SECRET });
	await app.register(fastifyFormbody);
	await app.register(fastifyCsrf, {
		sessionPlugin: '@fastify/cookie',
		cookieKey: 'ticketbot_csrf',
		cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true }
	});
	await app.register(fastifyStatic, { root: STATIC_ROOT, prefix: '/static/', index: false });

	app.decorateRequest('session', null);
	app.decorateRequest('sessionToken', undefined);
	app.addHook('onRequest', async (request) => {
		request.sessionToken = request.cookies[SESSION_COOKIE];
		request.session = await sessions.read(request.sessionToken);
	});

	const send = (reply: FastifyReply, request: FastifyRequest, title: string, body: Html, status = 200) => {
		const user = request.session ? { username: request.session.username, csrf: reply.generateCsrf() } : undefined;
		return reply.status(status).type('text/html; charset=utf-8').send(layout({ title, user }, body).text);
	};
	const notFound = (reply: FastifyReply, request: FastifyRequest) =>
		send(
			reply,
			request,
			'Not found',
			noticePage('Not found', 'There is nothing here, or it is not yours to see.', { href: '/', label: 'Your servers' }),
			404
		);

	app.get('/', async (request, reply) => {
		if (!request.session) return send(reply, request, 'Log in', landingPage());
		const client = services.discord();
		const servers = request.session.guildIds
			.map((id) => client.guilds.cache.get(id))
			.filter((guild) => guild !== undefined)
			.map((guild) => ({ id: guild.id, name: guild.name }))
			.sort((a, b) => a.name.localeCompare(b.name));
		return send(reply, request, 'Your servers', serversPage(servers));
	});

	app.get('/login', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (_request, reply) => {
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
		{ config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
		async (request, reply) => {
			const stored = request.cookies[STATE_COOKIE] ? request.unsignCookie(request.cookies[STATE_COOKIE]) : null;
			reply.clearCookie(STATE_COOKIE, { path: '/auth' });
			const expected = stored?.valid && stored.value ? (JSON.parse(stored.value) as { state: string; verifier: string }) : null;
			const { code, state, error } = request.query;
			if (error)
				return send(
					reply,
					request,
					'Login cancelled',
					noticePage('Login cancelled', 'Discord did not log you in. Nothing was changed.', {
						href: '/login',
						label: 'Try again'
					}),
					400
				);
			if (!expected || !code || state !== expected.state)
				return send(
					reply,
					request,
					'Login expired',
					noticePage('Login expired', 'This login link is no longer valid. Start again from the dashboard.', {
						href: '/login',
						label: 'Log in with Discord'
					}),
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

	app.get<{ Params: { guildId: string }; Querystring: { status?: string; page?: string } }>(
		'/g/:guildId',
		async (request, reply) => {
			const session = request.session;
			if (!session) return reply.redirect('/login');
			const { guildId } = request.params;
			if (!/^\d{17,20}$/.test(guildId)) return notFound(reply, request);
			const member = await webMember(services.discord, env.OWNER_IDS, guildId, session.userId);
			if (!member) return notFound(reply, request);
			const status = Math.max(0, LIST_STATUSES.indexOf((request.query.status ?? 'all') as (typeof LIST_STATUSES)[number]));
			const page = Math.max(1, Math.min(9999, Number.parseInt(request.query.page ?? '1', 10) || 1)) - 1;
			const list = await ticketList.run(services.ticketServices, member.actor, guildId, {
				page,
				status,
				categoryId: 0,
				userId: '0'
			});
			const names = member.guild.client.users.cache;
			const nameOf = (userId: string) => names.get(userId)?.username ?? userId;
			return send(reply, request, member.guild.name, ticketsPage({ id: guildId, name: member.guild.name }, list, nameOf));
		}
	);

	app.setNotFoundHandler((request, reply) => notFound(reply, request));
	app.setErrorHandler(async (error, request, reply) => {
		if (error instanceof Refusal) return notFound(reply, request);
		const statusCode = (error as { statusCode?: number }).statusCode;
		if (statusCode && statusCode < 500)
			return send(
				reply,
				request,
				'Refused',
				noticePage('Refused', 'The request was refused. Reload the page and try again.', { href: '/', label: 'Your servers' }),
				statusCode
			);
		request.log.error(error);
		services.ticketServices.log.error('Dashboard request failed', { url: request.url, error });
		return send(
			reply,
			request,
			'Error',
			noticePage('Something went wrong', 'The dashboard could not answer. Try again in a moment.'),
			500
		);
	});
	return app;
}
