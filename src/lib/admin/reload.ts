import { container } from '@sapphire/framework';
import { ConfigError } from '../config/ConfigError.js';
import { loadConfig } from '../config/load.js';

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
export async function reloadBot(): Promise<ReloadReport> {
	let configError: string | null = null;
	let fromFile = false;
	try {
		const loaded = await loadConfig(container.env.CONFIG_PATH);
		Object.assign(container.config, loaded.config);
		fromFile = loaded.fromFile;
		// Default language and prefix are memoised per guild: read them again.
		await Promise.all([...container.client.guilds.cache.keys()].map((guildId) => container.preferences.invalidate(guildId)));
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		configError = error.message;
	}
	const stores = [...container.stores.values()];
	await Promise.all(stores.map((store) => store.loadAll()));
	return { configError, fromFile, pieces: stores.reduce((sum, store) => sum + store.size, 0), stores: stores.length };
}
