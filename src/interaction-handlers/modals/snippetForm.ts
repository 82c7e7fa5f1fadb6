import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ModalSubmitInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { submitSnippetForm } from '../../lib/chat/snippetForm.js';

/** The multi-line form of /snippet add and edit. */
export class SnippetFormModal extends CustomIdHandler<'snippetForm'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.ModalSubmit, 'snippetForm');
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: CustomIdOf<'snippetForm'>) {
		await submitSnippetForm(this.container, interaction, id.snippetId);
	}
}
