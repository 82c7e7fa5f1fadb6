import { isEmoji } from '../text/emoji.js';
import {
	ActionRowBuilder,
	ButtonBuilder,
	ButtonStyle,
	EmbedBuilder,
	StringSelectMenuBuilder,
	type MessageCreateOptions
} from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import type { TicketCategory } from '../categories/CategoryService.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { encodeCustomId } from '../chat/customIds.js';
import type { Panel, PanelButtonStyle } from './PanelService.js';
import { cut } from '../text/cut.js';
import { userText } from '../discord/escape.js';

const STYLES: Record<PanelButtonStyle, ButtonStyle> = {
	primary: ButtonStyle.Primary,
	secondary: ButtonStyle.Secondary,
	success: ButtonStyle.Success,
	danger: ButtonStyle.Danger
};

/** Discord allows 5 rows of 5 buttons, or 25 options in a select menu. */
export const MAX_PANEL_CATEGORIES = 25;

/** The categories a panel offers: its own list in its order, or all of the guild's. */
export function panelCategories(panel: Panel, all: TicketCategory[]): TicketCategory[] {
	if (panel.categoryKeys.length === 0) return all.slice(0, MAX_PANEL_CATEGORIES);
	return panel.categoryKeys
		.map((key) => all.find((category) => category.key === key))
		.filter((category): category is TicketCategory => Boolean(category));
}

/** The panel message: an embed and a button per category, or one select menu. */
export function renderPanel(
	panel: Panel,
	categories: TicketCategory[],
	t: Translate
): Pick<MessageCreateOptions, 'embeds' | 'components'> {
	const embed = new EmbedBuilder().setTitle(panel.title).setColor(0x5865f2);
	if (panel.description) embed.setDescription(panel.description);
	// When each category's staff work (a deployed panel does not change by itself: the hours, not "now").
	const hours = categories
		.filter((category) => category.workingHours)
		.map((category) =>
			t(category.outOfHours === 'pause' ? LanguageKeys.Panels.HoursPaused : LanguageKeys.Panels.Hours, {
				category: userText(category.displayName, 80),
				hours: `\`${category.workingHours!.replace(/`/g, '')}\``
			})
		);
	if (hours.length) embed.addFields({ name: t(LanguageKeys.Panels.HoursTitle), value: cut(hours.join('\n'), 1024) });
	if (panel.mode === 'select') {
		const menu = new StringSelectMenuBuilder()
			.setCustomId(encodeCustomId({ kind: 'panelMenu', panelId: panel.id }))
			.setPlaceholder(panel.buttonLabel ?? t(LanguageKeys.Panels.SelectPlaceholder))
			.addOptions(
				categories.map((category) => ({
					label: cut(category.displayName, 100),
					value: String(category.id),
					...(category.description ? { description: cut(category.description, 100) } : {}),
					...(category.emoji && isEmoji(category.emoji) ? { emoji: category.emoji } : {})
				}))
			);
		return { embeds: [embed], components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] };
	}
	const single = categories.length === 1;
	const buttons = categories.map((category) => {
		const button = new ButtonBuilder()
			.setCustomId(encodeCustomId({ kind: 'panelButton', panelId: panel.id, categoryId: category.id }))
			.setStyle(STYLES[panel.buttonStyle])
			.setLabel(cut(single ? (panel.buttonLabel ?? t(LanguageKeys.Panels.DefaultButton)) : category.displayName, 80));
		// An emoji stored before emoji were checked is left off rather than failing the whole deploy.
		const emoji = category.emoji ?? panel.emoji;
		if (emoji && isEmoji(emoji)) button.setEmoji(emoji);
		return button;
	});
	const rows: ActionRowBuilder<ButtonBuilder>[] = [];
	for (let index = 0; index < buttons.length; index += 5)
		rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(index, index + 5)));
	return { embeds: [embed], components: rows };
}
