import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { Redis } from 'ioredis';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redisOptionsFromUrl } from '../lib/cache/redisOptions.js';
import { applicationId, publicUrl } from '../lib/config/env.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { apiRoutes } from './api/index.js';
import { SESSION_COOKIE, type WebContext, type WebServices } from './context.js';
import type { Html } from './html.js';
import { webLanguages } from './i18n.js';
import { discordLogin, type DiscordLogin } from './oauth.js';
import { noticePage } from './pages/home.js';
import { layout } from './pages/layout.js';
import { authRoutes } from './routes/auth.js';
import { analyticsRoutes } from './routes/analytics.js';
import { auditRoutes } from './routes/audit.js';
import { integrationRoutes } from './routes/integrations.js';
import { settingsRoutes } from './routes/settings.js';
import { serverRoutes } from './routes/servers.js';
import { ticketRoutes } from './routes/tickets.js';
import { SessionStore } from './sessions.js';

export type { WebServices } from './context.js';

export interface WebServerOptions {
	/** The Discord login (by default Discord's endpoints, or the emulator's through the env). */
	login?: DiscordLogin;
	/** Told of every route as it is registered (to list what the server answers). */
	onRoute?: (method: string, url: string) => void;
}

const STATIC_ROOT = fileURLToPath(new URL('../../src/web/static/', import.meta.url));
const CHART_ROOT = dirname(createRequire(import.meta.url).resolve('chart.js'));

/**
 * The dashboard: Discord login, then the servers the user shares with the bot, their tickets and each
 * ticket's page and actions, through the same use cases and access policy as the chat commands. Pages
 * are rendered on the server in the browser's language; there is no script, and the
 * Content-Security-Policy allows none.
 */
export async function createWebServer(services: WebServices, options: WebServerOptions = {}): Promise<FastifyInstance> {
	const { env } = services;
	const base = publicUrl(env);
	const secure = base.startsWith('https:');
	const languages = await webLanguages();
	const app = Fastify({ logger: false, trustProxy: secure });
	const { onRoute } = options;
	if (onRoute)
		app.addHook('onRoute', (route) => {
			for (const method of [route.method].flat()) onRoute(method, route.url);
		});

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
	// With Redis, every process counts against the same limits (per address here, per token in the API).
	const limits = env.REDIS_URL ? new Redis({ ...redisOptionsFromUrl(env.REDIS_URL), maxRetriesPerRequest: 1 }) : undefined;
	if (limits) app.addHook('onClose', async () => void (await limits.quit()));
	await app.register(fastifyRateLimit, {
		max: services.ticketServices.config.web.requestsPerMinute,
		timeWindow: '1 minute',
		...(limits ? { redis: limits, nameSpace: `${env.REDIS_PREFIX}-web-limit-`, skipOnError: true } : {})
	});
	// Without SESSION_SECRET each start signs with a new one: logins stay (their cookie is a random token
	// kept hashed), but a form or a login under way when the process restarts must be done again.
	if (!env.SESSION_SECRET)
		services.ticketServices.log.warn(
			'SESSION_SECRET is not set: the dashboard signs its cookies with a random secret until the process stops (set SESSION_SECRET=$(openssl rand -hex 32) to keep forms working across restarts and processes)'
		);
	await app.register(fastifyCookie, { secret: env.SESSION_SECRET ?? randomBytes(32).toString('hex') });
	await app.register(fastifyFormbody);
	await app.register(fastifyCsrf, {
		sessionPlugin: '@fastify/cookie',
		cookieKey: 'ticketbot_csrf',
		cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true }
	});
	await app.register(fastifyStatic, { root: STATIC_ROOT, prefix: '/static/', index: false });
	// Chart.js from its npm package, served as it is installed (no CDN).
	await app.register(fastifyStatic, {
		root: CHART_ROOT,
		prefix: '/static/chart/',
		index: false,
		decorateReply: false,
		allowedPath: (path) => path === '/chart.umd.min.js'
	});

	const sessions = new SessionStore({ db: services.db, cache: services.ticketServices.cache });
	app.decorateRequest('session', null);
	app.decorateRequest('sessionToken', undefined);
	app.decorateRequest('lang', undefined as never);
	const started = new WeakMap<FastifyRequest, number>();
	app.addHook('onRequest', async (request) => {
		started.set(request, performance.now());
		request.lang = languages(request.headers['accept-language']);
		request.sessionToken = request.cookies[SESSION_COOKIE];
		request.session = await sessions.read(request.sessionToken);
	});
	// How long the server took (the benchmark reads it; browsers show it in their network panel).
	app.addHook('onSend', async (request, reply) => {
		const since = started.get(request);
		if (since !== undefined) reply.header('server-timing', `app;dur=${(performance.now() - since).toFixed(1)}`);
	});

	const page = (
		request: FastifyRequest,
		reply: FastifyReply,
		title: string,
		body: Html,
		status = 200,
		scripts?: readonly string[]
	) => {
		const { t, locale } = request.lang;
		const user = request.session ? { username: request.session.username, csrf: reply.generateCsrf() } : undefined;
		// A page that needs the project's scripts (the analytics charts) may run those files, and no other script.
		if (scripts?.length)
			reply.header('content-security-policy', `${String(reply.getHeader('content-security-policy'))};script-src 'self'`);
		return reply.status(status).type('text/html; charset=utf-8').send(layout({ title, t, locale, user, scripts }, body).text);
	};
	const notice = (request: FastifyRequest, reply: FastifyReply, status: number, title: string, text: string) =>
		page(
			request,
			reply,
			title,
			noticePage(title, text, { href: '/', label: request.lang.t(LanguageKeys.Web.ServersTitle) }),
			status
		);
	const notFound = (request: FastifyRequest, reply: FastifyReply) => {
		const { t } = request.lang;
		return notice(request, reply, 404, t(LanguageKeys.Web.NotFoundTitle), t(LanguageKeys.Web.NotFoundText));
	};
	const web: WebContext = {
		services,
		sessions,
		secure,
		login:
			options.login ??
			discordLogin({
				clientId: applicationId(env),
				clientSecret: env.DISCORD_CLIENT_SECRET ?? '',
				redirectUri: `${base}/auth/callback`,
				webUrl: env.DISCORD_WEB_URL,
				apiUrl: env.DISCORD_API_URL ?? 'https://discord.com/api'
			}),
		page,
		notFound,
		refused: (request, reply, text) => notice(request, reply, 403, request.lang.t(LanguageKeys.Web.RefusedTitle), text)
	};

	authRoutes(app, web);
	serverRoutes(app, web);
	ticketRoutes(app, web);
	analyticsRoutes(app, web);
	auditRoutes(app, web);
	settingsRoutes(app, web);
	integrationRoutes(app, web);
	await apiRoutes(app, web);

	app.setNotFoundHandler((request, reply) => notFound(request, reply));
	app.setErrorHandler(async (error, request, reply) => {
		const { t } = request.lang ?? languages(undefined);
		request.lang ??= languages(undefined);
		const statusCode = (error as { statusCode?: number }).statusCode;
		if (statusCode && statusCode < 500)
			return notice(request, reply, statusCode, t(LanguageKeys.Web.RefusedTitle), t(LanguageKeys.Web.RefusedText));
		services.ticketServices.log.error('Dashboard request failed', { url: request.url, error });
		return notice(request, reply, 500, t(LanguageKeys.Web.ErrorTitle), t(LanguageKeys.Web.ErrorText));
	});
	return app;
}
