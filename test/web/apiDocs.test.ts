import { randomBytes } from 'node:crypto';
import type { Client } from 'discord.js';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import { AnalyticsService } from '../../src/lib/analytics/AnalyticsService.js';
import { CategoryService } from '../../src/lib/categories/CategoryService.js';
import { PanelService } from '../../src/lib/panels/PanelService.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyoneOnlyCheck } from '../../src/lib/access/roles.js';
import { AuditLog } from '../../src/lib/audit/AuditLog.js';
import { createCache } from '../../src/lib/cache/createCache.js';
import { envSchema, parseEnv } from '../../src/lib/config/env.js';
import { parseConfig } from '../../src/lib/config/load.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { TicketServices } from '../../src/lib/tickets/services.js';
import { createWebServer } from '../../src/web/server.js';
import { CHROMIUM, HAS_CHROMIUM } from '../harness/dashboard.js';
import { sqliteDatabase } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const GUILD = '900000000000000041';

/**
 * The API's surface without a bot: its OpenAPI document, its docs page (served from here, with a
 * script policy of its own), and errors as JSON in the caller's language. test/e2e/api.test.ts runs
 * the routes themselves through the real bot.
 */
describe('REST API documentation and errors', () => {
	let app: FastifyInstance;
	let handle: DatabaseHandle;
	const errors: unknown[] = [];
	const database = sqliteDatabase();

	beforeAll(async () => {
		const migrated = await migratedStore(database);
		handle = migrated.handle;
		const env = parseEnv(envSchema, {
			DISCORD_TOKEN: 'test-token',
			DISCORD_APPLICATION_ID: '100000000000000001',
			WEB_PORT: '3000',
			PUBLIC_URL: 'https://tickets.example',
			SESSION_SECRET: randomBytes(32).toString('hex'),
			DISCORD_CLIENT_SECRET: 'secret'
		});
		const ticketServices = {
			db: migrated.store,
			config: parseConfig(''),
			cache: await createCache(undefined),
			audit: new AuditLog(),
			roles: everyoneOnlyCheck,
			log: { info: () => undefined, warn: () => undefined, error: (_message: string, fields?: object) => errors.push(fields) }
		} as unknown as TicketServices;
		// A bot in no guild: every guild's routes answer as for a guild the caller is not in.
		const client = { guilds: { cache: new Map() } } as unknown as Client;
		app = await createWebServer({
			env,
			db: migrated.store,
			ticketServices,
			transcripts: undefined as never,
			analytics: new AnalyticsService(),
			// No settings page is asked for here.
			preferences: undefined as never,
			blacklist: undefined as never,
			categories: new CategoryService(ticketServices.config, ticketServices.cache),
			panels: new PanelService(ticketServices.cache),
			discord: () => client
		});
		await app.listen({ port: 0, host: '127.0.0.1' });
	});

	afterAll(async () => {
		await app?.close();
		await handle?.close();
		await database.cleanup();
	});

	it('describes every route with its parameters, bodies, answers and credentials', async () => {
		const response = await app.inject('/api/docs/openapi.json');
		expect(response.statusCode).toBe(200);
		const document = response.json<{
			servers: { url: string }[];
			components: { securitySchemes: Record<string, { type: string }> };
			paths: Record<
				string,
				Record<string, { security: Record<string, unknown>[]; parameters?: { name: string }[]; requestBody?: unknown }>
			>;
		}>();
		expect(document.servers).toEqual([{ url: 'https://tickets.example' }]);
		expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['session', 'token']);
		const guild = '/api/v1/guilds/{guildId}';
		expect(Object.keys(document.paths).sort()).toEqual(
			[
				`${guild}/analytics`,
				`${guild}/categories`,
				`${guild}/panels`,
				`${guild}/tickets`,
				`${guild}/tickets/{number}`,
				`${guild}/tickets/{number}/claim`,
				`${guild}/tickets/{number}/close`,
				`${guild}/tickets/{number}/notes`,
				`${guild}/tickets/{number}/messages`,
				`${guild}/tickets/{number}/transcript`,
				`${guild}/tickets/{number}/attachments/{file}`
			].sort()
		);
		const list = document.paths[`${guild}/tickets`]!.get!;
		expect(list.parameters!.map((parameter) => parameter.name).sort()).toEqual([
			'category',
			'guildId',
			'member',
			'page',
			'q',
			'status'
		]);
		// Changes take a token: a dashboard login only reads.
		expect(document.paths[`${guild}/tickets/{number}/close`]!.post!.security).toEqual([{ token: [] }]);
		expect(document.paths[`${guild}/tickets/{number}/notes`]!.post!.requestBody).toMatchObject({ required: true });
		// A close's reason is optional, and so is its body.
		expect(document.paths[`${guild}/tickets/{number}/close`]!.post!.requestBody).toMatchObject({ required: false });
		expect(list.security).toEqual([{ token: [] }, { session: [] }]);
	});

	it('answers every error as JSON in the caller’s language, never a page or a stack', async () => {
		const tickets = `/api/v1/guilds/${GUILD}/tickets`;
		const french = await app.inject({ url: tickets, headers: { 'accept-language': 'fr-CA,fr;q=0.9' } });
		expect(french.statusCode).toBe(401);
		expect(french.headers['www-authenticate']).toBe('Bearer');
		expect(french.json()).toEqual({
			error: {
				code: 'unauthorized',
				message:
					"Envoyez un jeton d'API de ce serveur dans un en-tête Authorization: Bearer …, ou connectez-vous au tableau de bord."
			}
		});
		const unknown = await app.inject({ url: tickets, headers: { authorization: 'Bearer tkb_not-a-token' } });
		expect(unknown.json()).toMatchObject({
			error: { code: 'unauthorized', message: expect.stringMatching(/^This API token is not valid/) }
		});
		expect((await app.inject({ url: tickets, headers: { authorization: 'Basic YTpi' } })).statusCode).toBe(401);

		const badGuild = await app.inject('/api/v1/guilds/not-a-guild/tickets');
		expect(badGuild.statusCode).toBe(400);
		expect(badGuild.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining('guildId') } });
		const emptyNote = await app.inject({ method: 'POST', url: `/api/v1/guilds/${GUILD}/tickets/1/notes`, payload: { text: '' } });
		expect(emptyNote.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining('body/text') } });
		const notJson = await app.inject({
			method: 'POST',
			url: `/api/v1/guilds/${GUILD}/tickets/1/close`,
			headers: { 'content-type': 'application/json' },
			payload: '{"reason":'
		});
		expect(notJson.statusCode).toBe(400);
		expect(notJson.json()).toMatchObject({ error: { code: 'invalid_request' } });
		for (const url of ['/api/v1/nowhere', '/api/v2/guilds', `/api/v1/guilds/${GUILD}/tickets/1/teleport`]) {
			const missing = await app.inject(url);
			expect(missing.statusCode, url).toBe(404);
			expect(missing.headers['content-type']).toMatch(/^application\/json/);
		}
		expect(errors).toEqual([]);
	});

	it('gives the docs page, and it alone, a policy that allows its own scripts', async () => {
		const page = await app.inject('/api/docs');
		expect(page.statusCode).toBe(200);
		const csp = page.headers['content-security-policy'] as string;
		expect(csp).toContain("script-src 'self'");
		expect(csp).not.toMatch(/unsafe|https:|\*/);
		expect(page.body).not.toMatch(/https?:\/\//);
		const dashboard = await app.inject('/');
		expect(dashboard.headers['content-security-policy']).not.toContain('script-src');
		const api = await app.inject(`/api/v1/guilds/${GUILD}/tickets`);
		expect(api.headers['content-security-policy']).not.toContain('script-src');
	});

	it.runIf(HAS_CHROMIUM)(
		'shows the routes in a browser, loading nothing from elsewhere',
		async () => {
			const { port } = app.server.address() as { port: number };
			const origin = `http://127.0.0.1:${port}`;
			const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
			try {
				const page = await browser.newPage();
				const requested: string[] = [];
				const failures: string[] = [];
				page.on('request', (request) => requested.push(request.url()));
				page.on('pageerror', (error) => failures.push(error.message));
				await page.goto(`${origin}/api/docs`);
				await page.getByText('/api/v1/guilds/{guildId}/tickets/{number}/close').waitFor();
				expect(await page.getByRole('heading', { name: /Ticket bot API/ }).isVisible()).toBe(true);
				expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
				expect(failures).toEqual([]);
			} finally {
				await browser.close();
			}
		},
		60_000
	);
});
