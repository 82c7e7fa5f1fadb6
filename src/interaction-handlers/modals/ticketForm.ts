import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { ModalSubmitInteraction } from 'discord.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { resolveEntryPoint } from '../../lib/panels/entryPoint.js';
import { submitTicketForm } from '../../lib/chat/openFlow.js';

/** The creation form of a category, submitted. */
export class TicketFormModal extends CustomIdHandler<'creationForm'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.ModalSubmit, 'creationForm');
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: CustomIdOf<'creationForm'>) {
		const entry = await resolveEntryPoint(this.container, interaction.guildId, id.panelId, id.categoryId);
		await submitTicketForm(this.container, interaction, entry.category, entry.source);
	}
}
