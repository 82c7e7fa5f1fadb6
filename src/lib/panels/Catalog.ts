import type { Cache } from '../cache/Cache.js';
import type { GuildData } from '../database/guildData.js';
import type { PanelService } from './PanelService.js';
import { catalogKey, type CategoryService, type TicketCategory } from '../categories/CategoryService.js';

export interface CatalogPanel {
	id: number;
	key: string;
	categoryKeys: string[];
}

export interface GuildCatalog {
	categories: TicketCategory[];
	panels: CatalogPanel[];
}

const TTL_MS = 5 * 60_000;

/**
 * A guild's categories and panels, read on every panel click before Discord's 3-second deadline, so
 * kept in the cache (shared through Redis) and dropped whenever a category or panel changes.
 */
export class Catalog {
	/** Loads in flight, so a burst of clicks on a cold cache reads the database once per guild. */
	readonly #loading = new Map<string, Promise<GuildCatalog>>();

	public constructor(
		private readonly cache: Cache,
		private readonly categories: CategoryService,
		private readonly panels: PanelService
	) {}

	public async get(data: GuildData): Promise<GuildCatalog> {
		const cached = await this.cache.get<GuildCatalog>(catalogKey(data.guildId));
		if (cached) return cached;
		let loading = this.#loading.get(data.guildId);
		if (!loading) {
			loading = this.#load(data).finally(() => this.#loading.delete(data.guildId));
			this.#loading.set(data.guildId, loading);
		}
		return loading;
	}

	async #load(data: GuildData): Promise<GuildCatalog> {
		const [categories, panels] = await Promise.all([this.categories.list(data), this.panels.list(data)]);
		const catalog: GuildCatalog = { categories, panels: panels.map(({ id, key, categoryKeys }) => ({ id, key, categoryKeys })) };
		await this.cache.set(catalogKey(data.guildId), catalog, TTL_MS);
		return catalog;
	}
}
