import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { publicUrl } from '../../lib/config/env.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { notice } from '../../lib/i18n/notice.js';
import type { WebContext } from '../context.js';
import { webLanguages } from '../i18n.js';
import { apiCaller, requireScope } from './auth.js';
import { analyticsApi } from './analytics.js';
import { catalogApi } from './catalog.js';
import type { ApiContext } from './context.js';
import { ApiError, apiErrorHandler, notFound } from './errors.js';
import { ticketApi } from './tickets.js';
import { ApiTokenStore } from '../../lib/api/tokens.js';

/** Requests a minute for one token (or one member's login), on top of the web server's per-address limit. */
export const API_REQUESTS_PER_MINUTE = 120;

/**
 * The Swagger UI page runs scripts, all of them files of @fastify/swagger-ui served from here: its own
 * policy allows those and nothing else; every other page keeps the dashboard's, which allows none.
 */
const DOCS_CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"connect-src 'self'",
	"font-src 'self' data:",
	"frame-ancestors 'none'",
	"base-uri 'none'",
	"form-action 'none'"
].join('; ');

/**
 * The versioned JSON API under /api: /api/v1 (per-guild tokens or the dashboard's login, the same use
 * cases and policy as the chat commands), its OpenAPI document at /api/docs/openapi.json, generated from
 * the routes' schemas, and a page to read and try it at /api/docs.
 */
export async function apiRoutes(app: FastifyInstance, web: WebContext): Promise<void> {
	const { services } = web;
	const { log } = services.ticketServices;
	const context: ApiContext = {
		services,
		tokens: new ApiTokenStore(services.db),
		// The same services as the bot's: they keep nothing but in the shared cache.
		categories: services.categories,
		panels: services.panels
	};
	const errorHandler = apiErrorHandler(log, await webLanguages());

	await app.register(
		async (api) => {
			api.decorateRequest('apiCaller', null);
			api.setErrorHandler(errorHandler);
			api.setNotFoundHandler((request, reply) => errorHandler(notFound(), request, reply));

			await api.register(fastifySwagger, {
				transformObject: (document) =>
					optionalBodies('openapiObject' in document ? document.openapiObject : document.swaggerObject),
				openapi: {
					info: {
						title: 'Ticket bot API',
						version: '1',
						description:
							'One Discord server’s tickets, through the same rules as the bot’s commands. Authenticate with `Authorization: Bearer tkb_…`, a token an admin creates with `/admin api_token_create` (`read`: GET only; `write`: also the actions), or with a dashboard login (reading only). Errors are `{ "error": { "code", "message" } }`, the message in the language of `Accept-Language`.'
					},
					servers: [{ url: publicUrl(services.env) }],
					tags: [
						{ name: 'tickets', description: 'Tickets, as `/ticket list`, `/ticket info` and the ticket commands' },
						{ name: 'configuration', description: 'The server’s categories and panels' },
						{ name: 'analytics', description: 'The server’s ticket numbers, as `/analytics`' }
					],
					components: {
						securitySchemes: {
							token: { type: 'http', scheme: 'bearer', description: 'An API token of the server (tkb_…)' },
							session: { type: 'apiKey', in: 'cookie', name: 'ticketbot_session', description: 'A dashboard login' }
						}
					}
				}
			});

			const limit = api.createRateLimit({
				max: API_REQUESTS_PER_MINUTE,
				timeWindow: 60_000,
				keyGenerator: (request) => request.apiCaller!.limitKey
			});

			await api.register(
				async (v1) => {
					v1.addHook('preHandler', async (request, reply) => {
						const { guildId } = request.params as { guildId: string };
						const caller = await apiCaller(services, context.tokens, request, guildId);
						request.apiCaller = caller;
						const counted = await limit(request);
						if (!counted.isAllowed) {
							reply.headers({
								'x-ratelimit-limit': counted.max,
								'x-ratelimit-remaining': counted.remaining,
								'x-ratelimit-reset': counted.ttlInSeconds
							});
							if (counted.isExceeded)
								throw new ApiError(
									429,
									'rate_limited',
									notice(LanguageKeys.Api.Errors.RateLimited, { seconds: counted.ttlInSeconds }),
									{ 'retry-after': counted.ttlInSeconds }
								);
						}
						requireScope(caller, request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
					});
					ticketApi(v1, context);
					catalogApi(v1, context);
					analyticsApi(v1, context);
				},
				{ prefix: '/v1' }
			);

			api.get('/docs/openapi.json', { schema: { hide: true } }, () => api.swagger());
			await api.register(fastifySwaggerUi, {
				routePrefix: '/docs',
				indexPrefix: '/api',
				staticCSP: DOCS_CSP,
				theme: { title: 'Ticket bot API' },
				uiConfig: { deepLinking: false }
			});
		},
		{ prefix: '/api' }
	);
}

type Operation = { requestBody?: { required?: boolean; content?: Record<string, { schema?: { nullable?: boolean } }> } };

/** @fastify/swagger marks every request body required; a body that may be left out (close's reason) says so. */
function optionalBodies<T extends { paths?: object }>(document: T): T {
	for (const methods of Object.values(document.paths ?? {}) as Record<string, Operation>[])
		for (const operation of Object.values(methods)) {
			const body = operation.requestBody;
			if (body && Object.values(body.content ?? {}).some((media) => media.schema?.nullable)) body.required = false;
		}
	return document;
}
