import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { answerInTicket } from '../../lib/chat/ticketSubcommand.js';
import { answerCloseRequest } from '../../lib/tickets/closeRequest.js';

/** Close / Keep open under a close request: the opener's answer; the buttons go once it is given. */
export class CloseRequestButton extends CustomIdHandler<'closeRequestButton'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'closeRequestButton');
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: CustomIdOf<'closeRequestButton'>) {
		await answerInTicket(this.container, interaction, answerCloseRequest, { accept: id.accept === 1 }, id.ticketId);
		await interaction.message
			.edit({ components: [] })
			.catch((error: unknown) =>
				this.container.logger.warn('Could not take the answered close request’s buttons away', { error })
			);
	}
}
