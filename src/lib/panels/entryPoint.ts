import type { TicketCategory } from '../categories/CategoryService.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { refuse } from '../errors/Refusal.js';
import type { DataStore } from '../database/guildData.js';
import type { Catalog } from './Catalog.js';

export interface EntryPoint {
	category: TicketCategory;
	panelId: number;
	source: string;
}

/**
 * The category a panel component points at, checked against this guild's catalog: a forged ID, another
 * guild's panel or a category the panel no longer offers is refused.
 */
export async function resolveEntryPoint(
	services: { readonly catalog: Catalog; readonly db: DataStore },
	guildId: string,
	panelId: number,
	categoryId: number
): Promise<EntryPoint> {
	const { categories, panels } = await services.catalog.get(services.db.forGuild(guildId));
	const category = categories.find((entry) => entry.id === categoryId);
	if (panelId === 0) {
		if (!category) refuse(LanguageKeys.Tickets.CategoryGone);
		return { category, panelId, source: 'button' };
	}
	const panel = panels.find((entry) => entry.id === panelId);
	if (!panel) refuse(LanguageKeys.Errors.InvalidButton);
	const offered = panel.categoryKeys.length === 0 || (category && panel.categoryKeys.includes(category.key));
	if (!category || !offered) refuse(LanguageKeys.Tickets.CategoryGone);
	return { category, panelId, source: `panel:${panel.key}` };
}
