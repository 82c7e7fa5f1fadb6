import type { AuditLog } from '../audit/AuditLog.js';
import type { Cache } from '../cache/Cache.js';
import type { BotConfig } from '../config/schema.js';
import type { DataStore } from '../database/guildData.js';
import type { GuildPreferences } from '../settings/GuildPreferences.js';
import type { SecurityLog } from './SecurityLog.js';

/** What the raid and spam detectors and lockdown work with (a piece's container holds them under these names). */
export interface SecurityServices {
	readonly config: BotConfig;
	readonly db: DataStore;
	readonly cache: Cache;
	readonly preferences: GuildPreferences;
	readonly audit: AuditLog;
	readonly security: SecurityLog;
}
