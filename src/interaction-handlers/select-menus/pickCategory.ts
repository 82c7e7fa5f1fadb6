import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { StringSelectMenuInteraction } from 'discord.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { resolveEntryPoint } from '../../lib/chat/entryPoint.js';
import { beginTicket } from '../../lib/chat/openFlow.js';
import { refuse } from '../../lib/errors/Refusal.js';

/** A panel's category menu: the option's value is the category's ID. */
export class PickCategoryMenu extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.SelectMenu });
	}

	public override parse(interaction: StringSelectMenuInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'pick' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: StringSelectMenuInteraction<'cached'>, id: { panelId: number }) {
		const categoryId = Number(interaction.values[0]);
		if (!Number.isSafeInteger(categoryId)) refuse(LanguageKeys.Errors.InvalidButton);
		const entry = await resolveEntryPoint(interaction.guildId, id.panelId, categoryId);
		await beginTicket(interaction, entry.category, entry.panelId, entry.source);
	}
}
