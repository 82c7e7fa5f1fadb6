import type { StoreRegistry } from '@sapphire/pieces';
import type { Client } from 'discord.js';
import { ConfigError } from '../config/ConfigError.js';
import type { Env } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import type { BotConfig } from '../config/schema.js';
import type { GuildPreferences } from '../settings/GuildPreferences.js';

/** What a reload touches: the config in place, the per-guild preferences, and the piece stores. */
export interface ReloadServices {
	readonly env: Pick<Env, 'CONFIG_PATH'>;
	readonly config: BotConfig;
	readonly preferences: GuildPreferences;
	readonly client: Client;
	readonly stores: StoreRegistry;
}

export interface ReloadReport {
	/** The one-line reason config.yaml was not taken (the running config stays), or null. */
	configError: string | null;
	fromFile: boolean;
	pieces: number;
	stores: number;
}

/**
 * Reads config.yaml again and reloads every piece store. A config that does not pass keeps the running
 * one (nothing half-applied); a good one replaces it in place, so every service that holds the config
 * reads the new values from the next call on.
 */
export async function reloadBot(services: ReloadServices): Promise<ReloadReport> {
	let configError: string | null = null;
	let fromFile = false;
	try {
		const loaded = await loadConfig(services.env.CONFIG_PATH);
		Object.assign(services.config, loaded.config);
		fromFile = loaded.fromFile;
		// Default language and prefix are memoised per guild: read them again.
		await Promise.all([...services.client.guilds.cache.keys()].map((guildId) => services.preferences.invalidate(guildId)));
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		configError = error.message;
	}
	const stores = [...services.stores.values()];
	await Promise.all(stores.map((store) => store.loadAll()));
	return { configError, fromFile, pieces: stores.reduce((sum, store) => sum + store.size, 0), stores: stores.length };
}
