import { UserError, container } from '@sapphire/framework';
import type { TicketCategory } from '../categories/CategoryService.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { panelCategories } from '../panels/renderPanel.js';

export interface EntryPoint {
	category: TicketCategory;
	panelId: number;
	source: string;
}

/**
 * The category a panel component points at, checked against this guild's data: a forged ID, another
 * guild's panel or a category the panel no longer offers is refused.
 */
export async function resolveEntryPoint(guildId: string, panelId: number, categoryId: number): Promise<EntryPoint> {
	const data = container.db.forGuild(guildId);
	let source = 'button';
	if (panelId !== 0) {
		const panel = await container.panels.byId(data, panelId);
		if (!panel) throw new UserError({ identifier: LanguageKeys.Errors.InvalidButton });
		const offered = panelCategories(panel, await container.categories.list(data));
		if (!offered.some((category) => category.id === categoryId))
			throw new UserError({ identifier: LanguageKeys.Tickets.CategoryGone });
		source = `panel:${panel.key}`;
	}
	const category = await container.categories.byId(data, categoryId);
	if (!category) throw new UserError({ identifier: LanguageKeys.Tickets.CategoryGone });
	return { category, panelId, source };
}
