import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ModalSubmitInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { formText } from '../../lib/chat/forms.js';
import { outcomeMessage } from '../../lib/chat/render.js';
import { runInTicket } from '../../lib/chat/ticketSubcommand.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { close } from '../../lib/tickets/close.js';

/** The close form behind a ticket's Close button: the same use case as /ticket close. */
export class CloseFormModal extends CustomIdHandler<'closeForm'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.ModalSubmit, 'closeForm');
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: CustomIdOf<'closeForm'>) {
		const reason = formText(interaction, 'reason');
		const outcome = await runInTicket(this.container, close, interaction.member, interaction.channelId!, { reason }, id.ticketId);
		await interaction.reply({
			...outcomeMessage(await translatorFor(interaction.guild), outcome),
			allowedMentions: { parse: [] }
		});
	}
}
