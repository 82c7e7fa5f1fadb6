import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { StringSelectMenuInteraction } from 'discord.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { resolveEntryPoint } from '../../lib/panels/entryPoint.js';
import { beginTicket } from '../../lib/chat/openFlow.js';
import { refuse } from '../../lib/errors/Refusal.js';

/** A panel's category menu: the option's value is the category's ID. */
export class PickCategoryMenu extends CustomIdHandler<'panelMenu'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.SelectMenu, 'panelMenu');
	}

	public async run(interaction: StringSelectMenuInteraction<'cached'>, id: CustomIdOf<'panelMenu'>) {
		const categoryId = Number(interaction.values[0]);
		if (!Number.isSafeInteger(categoryId)) refuse(LanguageKeys.Errors.InvalidButton);
		const entry = await resolveEntryPoint(this.container, interaction.guildId, id.panelId, categoryId);
		await beginTicket(this.container, interaction, entry.category, entry.panelId, entry.source);
	}
}
