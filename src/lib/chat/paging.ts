import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import { LanguageKeys } from '../i18n/languageKeys.js';

/** Previous/Next buttons under a paged list (none for a single page); each button's custom ID names its page. */
export function pageButtons(page: number, pages: number, customIdFor: (page: number) => string, t: Translate) {
	if (pages <= 1) return [];
	const button = (target: number, label: string) =>
		new ButtonBuilder()
			.setCustomId(customIdFor(Math.max(0, target)))
			.setLabel(label)
			.setStyle(ButtonStyle.Secondary)
			.setDisabled(target < 0 || target >= pages);
	return [
		new ActionRowBuilder<ButtonBuilder>().addComponents(
			button(page - 1, t(LanguageKeys.Tickets.ListPrevious)),
			button(page + 1, t(LanguageKeys.Tickets.ListNext))
		)
	];
}
