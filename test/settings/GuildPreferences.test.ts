import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/lib/cache/MemoryCache.js';
import { configSchema } from '../../src/lib/config/schema.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { GuildPreferences } from '../../src/lib/settings/GuildPreferences.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const [sqlite] = testDatabases();

describe('per-guild language and prefix', () => {
	let handle: DatabaseHandle;
	let store: DataStore;
	beforeAll(async () => {
		({ handle, store } = await migratedStore(sqlite!));
	});
	afterAll(async () => {
		await handle?.close();
		await sqlite!.cleanup();
	});

	it('falls back to config.yaml, follows the guild’s settings once invalidated, and ignores unknown locales', async () => {
		const config = configSchema.parse({ defaults: { prefix: '?', locale: 'fr' } });
		const preferences = new GuildPreferences(store, new MemoryCache(), config);
		const guild = '100000000000000001';
		// A settings row made on first use (any command) chooses nothing: config.yaml still decides.
		await store.forGuild(guild).settings();
		expect(await preferences.locale(guild)).toBe('fr');
		expect(await preferences.prefix(guild)).toBe('?');

		await store.forGuild(guild).updateSettings({ locale: 'en-US', prefix: '$' });
		expect(await preferences.locale(guild)).toBe('fr'); // memoised until invalidated
		await preferences.invalidate(guild);
		expect(await preferences.locale(guild)).toBe('en-US');
		expect(await preferences.prefix(guild)).toBe('$');

		await store.forGuild(guild).updateSettings({ locale: 'xx-YY' });
		await preferences.invalidate(guild);
		expect(await preferences.locale(guild)).toBe('fr');
	});
});
