import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ModalSubmitInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { formText } from '../../lib/chat/forms.js';
import { answerInTicket } from '../../lib/chat/ticketSubcommand.js';
import { close } from '../../lib/tickets/close.js';

/** The close form behind a ticket's Close button: the same use case as /ticket close. */
export class CloseFormModal extends CustomIdHandler<'closeForm'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.ModalSubmit, 'closeForm');
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: CustomIdOf<'closeForm'>) {
		await answerInTicket(this.container, interaction, close, { reason: formText(interaction, 'reason') }, id.ticketId);
	}
}
