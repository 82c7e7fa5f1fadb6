import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OAuthScope } from '../oauth/grants.js';

/** A Discord API error: status, JSON error code and message (and form errors for 50035). */
export class ApiError extends Error {
	public headers: Record<string, string> = {};
	public extraBody: Record<string, unknown> = {};

	public constructor(
		public readonly status: number,
		public readonly code: number,
		message: string,
		public readonly errors?: unknown
	) {
		super(message);
	}
}

/** A 429 for a per-resource limit (Discord's "shared" scope), such as channel renames. */
export function sharedRateLimit(retryAfterMs: number): ApiError {
	const error = new ApiError(429, 0, 'You are being rate limited.');
	const seconds = Math.max(0, retryAfterMs) / 1000;
	error.extraBody = { retry_after: seconds, global: false };
	error.headers = { 'retry-after': String(Math.ceil(seconds)), 'x-ratelimit-scope': 'shared' };
	return error;
}

export const Errors = {
	unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
	unknownGuild: () => new ApiError(404, 10004, 'Unknown Guild'),
	unknownMember: () => new ApiError(404, 10007, 'Unknown Member'),
	unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
	unknownRole: () => new ApiError(404, 10011, 'Unknown Role'),
	unknownUser: () => new ApiError(404, 10013, 'Unknown User'),
	unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
	unknownCommand: () => new ApiError(404, 10063, 'Unknown application command'),
	unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
	alreadyAcknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
	missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
	missingPermissions: () => new ApiError(403, 50013, 'Missing Permissions'),
	cannotDm: () => new ApiError(403, 50007, 'Cannot send messages to this user'),
	emptyMessage: () => new ApiError(400, 50006, 'Cannot send an empty message'),
	maxChannels: () => new ApiError(400, 30013, 'Maximum number of guild channels reached (500)'),
	invalidForm: (errors: Record<string, string>) =>
		new ApiError(
			400,
			50035,
			'Invalid Form Body',
			Object.fromEntries(
				Object.entries(errors).map(([field, message]) => [field, { _errors: [{ code: 'BASE_TYPE_INVALID', message }] }])
			)
		)
};

/**
 * Where a JSON body holds half a surrogate pair (JSON can escape one, UTF-8 cannot hold it): Discord
 * refuses such a body. The path is the field's, e.g. `embeds.0.fields.1.value`.
 */
export function loneSurrogatePath(value: unknown, path = ''): string | null {
	if (typeof value === 'string')
		return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value) ? path || '(body)' : null;
	if (value === null || typeof value !== 'object') return null;
	for (const [key, entry] of Object.entries(value)) {
		const found = loneSurrogatePath(entry, path ? `${path}.${key}` : key);
		if (found) return found;
	}
	return null;
}

export interface UploadedFile {
	field: string;
	filename: string;
	contentType: string | null;
	data: Buffer;
}

export interface RestRequest {
	method: string;
	path: string;
	/** The route template, e.g. /channels/:channelId/messages. */
	route: string;
	params: Record<string, string>;
	query: URLSearchParams;
	body: any;
	files: UploadedFile[];
	reason: string | null;
	/** Who sent the request with an OAuth2 Bearer token; null for the bot's token (or none). */
	bearer: BearerCaller | null;
}

export interface BearerCaller {
	userId: string;
	/** What the token was granted: some answers grow with it (email on /users/@me). */
	scopes: OAuthScope[];
}

export interface RestReply {
	status?: number;
	body?: unknown;
}

export type RestHandler = (request: RestRequest) => RestReply | Promise<RestReply> | unknown;

interface Route {
	method: string;
	template: string;
	pattern: RegExp;
	keys: string[];
	handler: RestHandler;
	/** Interaction callbacks and webhook calls carry their own token instead of the bot's. */
	auth: boolean;
	/** The scope that lets a user's Bearer token in too (`/users/@me` with identify). */
	bearerScope: OAuthScope | null;
	/** Only a Bearer token may call it: Discord refuses the bot's. */
	bearerOnly: boolean;
}

export interface RouteOptions {
	auth?: boolean;
	bearerScope?: OAuthScope;
	bearerOnly?: boolean;
}

export interface MatchedRoute {
	route: Route;
	params: Record<string, string>;
}

/** Discord's rate-limit buckets are per route and per major parameter. */
const MAJOR_PARAMETERS = ['channelId', 'guildId', 'webhookId', 'token'];

export function bucketOf(method: string, template: string, params: Record<string, string>): string {
	let key = template;
	for (const name of MAJOR_PARAMETERS) if (params[name]) key = key.replace(`:${name}`, params[name]!);
	// Interaction and webhook tokens are long; hash them so log lines stay short.
	return `${method} ${key.replace(/\/[A-Za-z0-9_.-]{40,}/g, (token) => `/${createHash('sha1').update(token).digest('hex').slice(0, 10)}`)}`;
}

export class Router {
	readonly #routes: Route[] = [];

	public add(method: string, template: string, handler: RestHandler, options: RouteOptions = {}): this {
		const keys: string[] = [];
		const pattern = new RegExp(
			`^${template.replace(/:([A-Za-z]+)/g, (_, key: string) => {
				keys.push(key);
				return '([^/]+)';
			})}$`
		);
		this.#routes.push({
			method,
			template,
			pattern,
			keys,
			handler,
			auth: options.auth ?? true,
			bearerScope: options.bearerScope ?? null,
			bearerOnly: options.bearerOnly ?? false
		});
		return this;
	}

	public match(method: string, path: string): MatchedRoute | null {
		for (const route of this.#routes) {
			if (route.method !== method) continue;
			const match = route.pattern.exec(path);
			if (!match) continue;
			const params = Object.fromEntries(route.keys.map((key, index) => [key, decodeURIComponent(match[index + 1]!)]));
			return { route, params };
		}
		return null;
	}
}

/** Reads a JSON or multipart body (discord.js sends files as multipart with payload_json). */
export async function readBody(request: IncomingMessage): Promise<{ body: any; files: UploadedFile[] }> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const raw = Buffer.concat(chunks);
	const type = request.headers['content-type'] ?? '';
	if (raw.length === 0) return { body: {}, files: [] };
	if (type.startsWith('multipart/form-data')) {
		const form = await new Request('http://emulator/', {
			method: 'POST',
			headers: { 'content-type': type },
			body: raw
		}).formData();
		let body: any = {};
		const files: UploadedFile[] = [];
		for (const [field, value] of form.entries()) {
			if (typeof value === 'string') {
				if (field === 'payload_json') body = JSON.parse(value);
				continue;
			}
			files.push({ field, filename: value.name, contentType: value.type || null, data: Buffer.from(await value.arrayBuffer()) });
		}
		return { body, files };
	}
	try {
		return { body: JSON.parse(raw.toString('utf8')), files: [] };
	} catch {
		throw new ApiError(400, 50109, 'The request body contains invalid JSON.');
	}
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	if (status === 204 || body === undefined) {
		// A 204 must not claim a JSON body: discord.js would try to parse nothing.
		response.writeHead(204, headers).end();
		return;
	}
	response.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
}
