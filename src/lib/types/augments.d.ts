import type { Cache } from '../cache/Cache.js';
import type { Env } from '../config/env.js';
import type { BotConfig } from '../config/schema.js';
import type { DataStore } from '../database/guildData.js';
import type { WorkTracker } from '../lifecycle/WorkTracker.js';
import type { Redactor } from '../logging/redact.js';
import type { GuildPreferences } from '../settings/GuildPreferences.js';

declare module '@sapphire/pieces' {
	interface Container {
		env: Env;
		config: BotConfig;
		db: DataStore;
		cache: Cache;
		preferences: GuildPreferences;
		work: WorkTracker;
		redactor: Redactor;
	}
}

declare module '@sapphire/framework' {
	interface Preconditions {
		NotShuttingDown: never;
	}
}
