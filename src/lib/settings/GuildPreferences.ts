import type { Cache } from '../cache/Cache.js';
import type { BotConfig } from '../config/schema.js';
import type { DataStore } from '../database/guildData.js';
import type { SupportedLocale } from '../i18n/locales.js';
import { guildRules } from './guildRules.js';

const TTL_MS = 5 * 60_000;

interface Preferences {
	locale: SupportedLocale;
	prefix: string;
}

/** The per-guild language and prefix, read on every message and reply, so memoised in the cache. */
export class GuildPreferences {
	public constructor(
		private readonly data: DataStore,
		private readonly cache: Cache,
		private readonly config: BotConfig
	) {}

	public async locale(guildId: string): Promise<SupportedLocale> {
		return (await this.get(guildId)).locale;
	}

	public async prefix(guildId: string): Promise<string> {
		return (await this.get(guildId)).prefix;
	}

	/** Call after changing a guild's settings so every process reads them again. */
	public async invalidate(guildId: string): Promise<void> {
		await this.cache.delete(this.key(guildId));
	}

	private async get(guildId: string): Promise<Preferences> {
		const cached = await this.cache.get<Preferences>(this.key(guildId));
		if (cached) return cached;
		const settings = await this.data.forGuild(guildId).db.guildSettings.findUnique({ where: { guildId } });
		const { locale, prefix } = guildRules(settings, this.config);
		const preferences: Preferences = { locale, prefix };
		await this.cache.set(this.key(guildId), preferences, TTL_MS);
		return preferences;
	}

	private key(guildId: string): string {
		return `guild:${guildId}:preferences`;
	}
}
