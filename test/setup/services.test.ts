import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache } from '../../src/lib/cache/createCache.js';
import type { Cache } from '../../src/lib/cache/Cache.js';
import { envSchema, parseEnv } from '../../src/lib/config/env.js';
import { parseConfig } from '../../src/lib/config/load.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { Redactor } from '../../src/lib/logging/redact.js';
import { InProcessTicketScheduler } from '../../src/lib/scheduling/TicketScheduler.js';
import { createServices, type BotServices } from '../../src/lib/setup/services.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const GUILD = '900000000000000011';
const MEMBER = '800000000000000011';
const [sqlite] = testDatabases();

/** The bot's services built as a second process or a test builds them: no Discord client exists. */
describe('createServices', () => {
	let handle: DatabaseHandle;
	let store: DataStore;
	let cache: Cache;
	let services: BotServices;
	let discordCalls = 0;

	beforeAll(async () => {
		({ handle, store } = await migratedStore(sqlite!));
		cache = await createCache(undefined);
		const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
		services = createServices({
			env: parseEnv(envSchema, { DISCORD_TOKEN: 'test-token', DATABASE_URL: 'file:./unused.db' }),
			config: parseConfig('defaults: { locale: fr }\ntickets: { maxOpenPerUser: 1 }'),
			redactor: new Redactor(),
			db: store,
			cache,
			logger: silent,
			discord: () => {
				discordCalls++;
				throw new Error('no Discord client in this process');
			}
		});
	});

	afterAll(async () => {
		await cache.close();
		await handle.close();
		await sqlite!.cleanup();
	});

	it('builds every service without touching Discord', () => {
		expect(discordCalls).toBe(0);
		// Without REDIS_URL the scheduled closes are timers in this process.
		expect(services.ticketScheduler).toBeInstanceOf(InProcessTicketScheduler);
		expect(services.ticketServices.timer).toBe(services.ticketScheduler);
		expect(services.ticketServices.transcripts).toBe(services.transcripts);
	});

	it('answers from the database and config.yaml alone', async () => {
		expect(await services.preferences.locale(GUILD)).toBe('fr');
		expect(await services.tickets.refusal(GUILD, MEMBER)).toBeNull();
		await services.blacklist.add(store.forGuild(GUILD), MEMBER, 0, 'spam', '800000000000000012');
		expect((await services.tickets.refusal(GUILD, MEMBER))?.key).toBe('tickets:blacklisted');
		expect(discordCalls).toBe(0);
	});

	it('reaches Discord through the port only when a Discord step runs', async () => {
		await expect(services.ticketServices.channels.rename(GUILD, '700000000000000001', 'renamed', 'test')).rejects.toThrow(
			'no Discord client in this process'
		);
		expect(discordCalls).toBeGreaterThan(0);
	});
});
