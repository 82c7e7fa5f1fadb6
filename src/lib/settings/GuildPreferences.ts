import type { Cache } from '../cache/Cache.js';
import type { BotConfig } from '../config/schema.js';
import type { DataStore } from '../database/guildData.js';
import type { SupportedLocale } from '../i18n/locales.js';
import { guildRules, type GuildRules } from './guildRules.js';

const TTL_MS = 5 * 60_000;

/**
 * A guild's rules (language, prefix, limits, detector thresholds), read on every message and reply, so
 * memoised in the cache (shared through Redis); whoever changes the settings invalidates them.
 */
export class GuildPreferences {
	public constructor(
		private readonly data: DataStore,
		private readonly cache: Cache,
		private readonly config: BotConfig
	) {}

	public async locale(guildId: string): Promise<SupportedLocale> {
		return (await this.rules(guildId)).locale;
	}

	public async prefix(guildId: string): Promise<string> {
		return (await this.rules(guildId)).prefix;
	}

	public async rules(guildId: string): Promise<GuildRules> {
		const cached = await this.cache.get<GuildRules>(this.key(guildId));
		if (cached) return cached;
		const settings = await this.data.forGuild(guildId).db.guildSettings.findUnique({ where: { guildId } });
		const rules = guildRules(settings, this.config);
		await this.cache.set(this.key(guildId), rules, TTL_MS);
		return rules;
	}

	/** Call after changing a guild's settings so every process reads them again. */
	public async invalidate(guildId: string): Promise<void> {
		await this.cache.delete(this.key(guildId));
	}

	private key(guildId: string): string {
		return `guild:${guildId}:rules`;
	}
}
