import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { resolveEntryPoint } from '../../lib/chat/entryPoint.js';
import { beginTicket } from '../../lib/chat/openFlow.js';

/** A panel's category button. */
export class OpenTicketButton extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.Button });
	}

	public override parse(interaction: ButtonInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'open' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: { panelId: number; categoryId: number }) {
		const entry = await resolveEntryPoint(interaction.guildId, id.panelId, id.categoryId);
		await beginTicket(interaction, entry.category, entry.panelId, entry.source);
	}
}
