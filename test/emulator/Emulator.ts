import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Gateway, type InteractionDelivery } from './gateway.js';
import { BROWSER_COOKIE, OAuthEndpoints, oauthEndpointOf } from './oauth/endpoints.js';
import { OAuthGrants } from './oauth/grants.js';
import { registerRoutes } from './rest/routes.js';
import { Limits } from './rest/limits.js';
import {
	ApiError,
	sharedRateLimit,
	type BearerCaller,
	bucketOf,
	Errors,
	loneSurrogatePath,
	type MatchedRoute,
	readBody,
	Router,
	sendJson
} from './rest/router.js';
import { SnowflakeGenerator } from './snowflake.js';
import { DiscordState } from './state.js';

export interface RestCall {
	/** When the request arrived. */
	at: number;
	method: string;
	path: string;
	route: string;
	bucket: string;
	status: number;
	body: unknown;
	/** Sent with the bot token, so under the global cap (interaction replies are not). */
	authenticated: boolean;
	/** A 429 of a per-resource limit (scope "shared"), which Discord does not count as invalid. */
	shared?: boolean;
}

/** A cookie as playwright's `context.addCookies` takes it. */
export interface BrowserCookie {
	name: string;
	value: string;
	url: string;
}

export interface EmulatorOptions {
	port?: number;
	botName?: string;
	/** Who gets each interaction among the sessions holding its guild: `every` (default) or `one`, in turn. */
	interactionDelivery?: InteractionDelivery;
	/** How long an attachment's signed URL works (Discord: about a day). */
	attachmentTtlMs?: number;
}

/**
 * A Discord for tests: REST API v10 and Gateway v10 on loopback, with the state they act on. The real
 * bot logs in to it with DISCORD_API_URL=<restUrl>; tests act as users and read what Discord would show.
 */
export class Emulator {
	public readonly token: string;
	public readonly state: DiscordState;
	public readonly limits = new Limits();
	/** How long the signed URL of an attachment uploaded from now on works; after it, the CDN answers 404. */
	public attachmentTtlMs: number;
	public readonly calls: RestCall[] = [];
	/** Requests to routes the emulator does not know: a test can fail on them. */
	public readonly unknownRoutes: string[] = [];
	public gateway!: Gateway;
	/** The OAuth2 application's secret (Discord wants it at the token endpoint, PKCE or not). */
	public readonly clientSecret = randomBytes(24).toString('base64url');
	/** OAuth2 codes and tokens of the users who logged in to the app (a dashboard) through Discord. */
	public readonly oauth: OAuthGrants;
	readonly #router = new Router();
	readonly #oauthEndpoints = new OAuthEndpoints(this);
	readonly #server: Server;
	#port = 0;

	public constructor(private readonly options: EmulatorOptions = {}) {
		this.attachmentTtlMs = options.attachmentTtlMs ?? 24 * 3_600_000;
		const ids = new SnowflakeGenerator();
		const applicationId = ids.next();
		this.state = new DiscordState(
			{ id: applicationId, username: options.botName ?? 'Ticket Bot', globalName: null, bot: true },
			applicationId,
			ids
		);
		this.token = `${Buffer.from(applicationId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
		this.oauth = new OAuthGrants(applicationId, this.clientSecret);
		this.#server = createServer((request, response) => void this.#handle(request, response));
		registerRoutes(this.#router, this);
	}

	public get port(): number {
		return this.#port;
	}

	/** What DISCORD_API_URL is set to: discord.js appends /v10. */
	public get restUrl(): string {
		return `http://127.0.0.1:${this.#port}/api`;
	}

	/** Discord's web origin, where browsers are sent to authorize (a dashboard's DISCORD_WEB_URL). */
	public get webUrl(): string {
		return `http://127.0.0.1:${this.#port}`;
	}

	/** The OAuth2 client ID: Discord's is the application's ID. */
	public get clientId(): string {
		return this.state.applicationId;
	}

	/** Registers an OAuth2 redirect URI, as in the Developer Portal: Discord redirects to no other. */
	public allowRedirect(uri: string): this {
		new URL(uri); // Throws on what Discord would not accept as an absolute URL.
		this.oauth.redirectUris.add(uri);
		return this;
	}

	/**
	 * The cookie that logs a browser in to Discord as this user, for playwright's `context.addCookies`.
	 * It does not check the user: a test may log a browser in as someone Discord does not know.
	 */
	public browserCookie(userId: string): BrowserCookie {
		if (this.#port === 0) throw new Error('start the emulator before asking for its cookie: the URL holds its port');
		return { name: BROWSER_COOKIE, value: userId, url: this.webUrl };
	}

	public get gatewayUrl(): string {
		return `ws://127.0.0.1:${this.#port}/gateway`;
	}

	public get botId(): string {
		return this.state.botUser.id;
	}

	public async start(port = 0): Promise<this> {
		await new Promise<void>((resolve) => this.#server.listen(port, '127.0.0.1', resolve));
		this.#port = (this.#server.address() as AddressInfo).port;
		this.gateway = new Gateway(
			this.#server,
			this.state,
			() => this.token,
			() => this.gatewayUrl
		);
		if (this.options.interactionDelivery) this.gateway.interactionDelivery = this.options.interactionDelivery;
		return this;
	}

	public async stop(): Promise<void> {
		await this.gateway?.close();
		this.#server.closeAllConnections();
		await new Promise((resolve) => this.#server.close(resolve));
	}

	/** Sends a gateway event to the bot's sessions that hold the guild. */
	public dispatch(event: string, data: unknown, guildId: string | null = null): void {
		this.gateway.dispatch(event, data, guildId);
	}

	/** 401, 403 and 429 answers but a per-resource limit's: Discord bans a bot that gets 10,000 in 10 minutes. */
	public invalidRequestCount(sinceMs = 0): number {
		return this.calls.filter((call) => call.at >= sinceMs && [401, 403, 429].includes(call.status) && !call.shared).length;
	}

	public callsTo(method: string, route: string | RegExp): RestCall[] {
		return this.calls.filter(
			(call) => call.method === method && (typeof route === 'string' ? call.route === route : route.test(call.path))
		);
	}

	async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		// When the request arrived: Discord's limits count arrivals, however long the answer then takes.
		const arrivedAt = Date.now();
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const method = request.method ?? 'GET';
		if (url.pathname.startsWith('/attachments/')) return this.#attachment(url, response);
		const path = url.pathname.replace(/^\/api(\/v\d+)?/, '');
		const oauth = oauthEndpointOf(method, url.pathname);
		if (oauth) {
			const { status, body } = await this.#oauthEndpoints.handle(oauth, path, request, response, url.searchParams);
			// Not the bot's token: these calls are the app's (token endpoint) or a browser's (authorize page).
			this.calls.push({
				at: arrivedAt,
				method,
				path,
				route: oauth.route,
				bucket: `${method} ${oauth.route}`,
				status,
				body,
				authenticated: false
			});
			return;
		}
		const matched = this.#router.match(method, path);
		// Set once a Bearer token is accepted: the call is the user's, not the bot's.
		let bearer: BearerCaller | null = null;
		const record = (status: number, route: string, bucket: string, body: unknown, shared = false) =>
			this.calls.push({
				shared,
				at: arrivedAt,
				method,
				path,
				route,
				bucket,
				status,
				body,
				authenticated: Boolean(matched?.route.auth) && !bearer
			});

		if (!matched) {
			this.unknownRoutes.push(`${method} ${path}`);
			record(404, '(unknown)', '(unknown)', undefined);
			request.resume();
			return sendJson(response, 404, { message: '404: Not Found', code: 0 });
		}
		const { route, params } = matched;
		let bucket = bucketOf(method, route.template, params);
		let body: unknown;
		try {
			const parsed = await readBody(request);
			body = parsed.body;
			if (route.auth) {
				bearer = this.#authenticate(route, request.headers.authorization);
				// Discord limits each token on its own: a user's calls do not spend the bot's buckets or global cap.
				if (bearer) bucket = `${bucket} (user ${bearer.userId})`;
			}
			const broken = loneSurrogatePath(parsed.body);
			if (broken) throw Errors.invalidForm({ [broken]: 'Must be a valid string (half an emoji cannot be stored).' });

			const { latencyMs, fault } = this.limits.takeFault(method, route.template, path);
			if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
			if (fault?.kind === 'serverError') {
				record(fault.status, route.template, bucket, body);
				return sendJson(response, fault.status, { message: 'Internal Server Error', code: 0 });
			}
			if (fault?.kind === 'apiError') throw new ApiError(fault.status, fault.code, fault.message);
			if (fault?.kind === 'rateLimit' && fault.shared) throw sharedRateLimit(fault.retryAfterMs);
			const forced = fault?.kind === 'rateLimit' ? { retryAfterMs: fault.retryAfterMs, global: fault.global } : undefined;
			const decision = this.limits.take(bucket, Date.now(), route.auth && !bearer, forced);
			if (decision.kind === 'limited') {
				record(429, route.template, bucket, body);
				return sendJson(
					response,
					429,
					{ message: 'You are being rate limited.', retry_after: decision.retryAfterMs / 1000, global: decision.global },
					decision.headers
				);
			}

			const reply = (await route.handler({
				method,
				path,
				route: route.template,
				params,
				query: url.searchParams,
				body: parsed.body,
				files: parsed.files,
				reason: (request.headers['x-audit-log-reason'] as string | undefined) ?? null,
				bearer
			})) as { status?: number; body?: unknown } | undefined;
			const status = reply?.status ?? (reply?.body === undefined ? 204 : 200);
			record(status, route.template, bucket, body);
			return sendJson(response, status, reply?.body, decision.headers);
		} catch (error) {
			if (error instanceof ApiError) {
				record(error.status, route.template, bucket, body, error.headers['x-ratelimit-scope'] === 'shared');
				const payload = {
					message: error.message,
					code: error.code,
					...(error.errors ? { errors: error.errors } : {}),
					...error.extraBody
				};
				return sendJson(response, error.status, payload, error.headers);
			}
			record(500, route.template, bucket, body);
			console.error('emulator: handler failed', method, path, error);
			return sendJson(response, 500, { message: 'Internal Server Error', code: 0 });
		}
	}

	/**
	 * The bot's token, or (where the route lets users in) a live Bearer token carrying the route's scope:
	 * the token's user, or null for the bot. Anything else is 401.
	 */
	#authenticate(route: MatchedRoute['route'], header: string | undefined): BearerCaller | null {
		if (header === `Bot ${this.token}` && !route.bearerOnly) return null;
		if (route.bearerScope && header?.startsWith('Bearer ')) {
			const token = header.slice('Bearer '.length);
			const userId = this.oauth.userFor(token, route.bearerScope);
			if (userId && this.state.users.has(userId)) return { userId, scopes: this.oauth.scopesOf(token) };
		}
		throw new ApiError(401, 0, '401: Unauthorized');
	}

	/** Discord's CDN: an attachment's URL works as signed, until its expiry (`ex`). */
	#attachment(url: URL, response: ServerResponse): void {
		const id = url.pathname.split('/')[2] ?? '';
		const attachment = this.state.attachments.get(id);
		if (!attachment) return sendJson(response, 404, { message: '404: Not Found', code: 0 });
		if (url.search !== `?${attachment.signedQuery}` || Date.now() > attachment.expiresAt)
			return void response.writeHead(404, { 'content-type': 'text/plain' }).end('This content is no longer available.');
		response.writeHead(200, { 'content-type': attachment.contentType ?? 'application/octet-stream' }).end(attachment.data);
	}
}
