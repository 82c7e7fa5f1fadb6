import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ModalSubmitInteraction } from 'discord.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { resolveEntryPoint } from '../../lib/chat/entryPoint.js';
import { submitTicketForm } from '../../lib/chat/openFlow.js';

/** The creation form of a category, submitted. */
export class TicketFormModal extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.ModalSubmit });
	}

	public override parse(interaction: ModalSubmitInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'form' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: { panelId: number; categoryId: number }) {
		const entry = await resolveEntryPoint(interaction.guildId, id.panelId, id.categoryId);
		await submitTicketForm(interaction, entry.category, entry.source);
	}
}
