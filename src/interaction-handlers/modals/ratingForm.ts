import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ModalSubmitInteraction } from 'discord.js';
import { acknowledge } from '../../lib/chat/context.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { formText } from '../../lib/chat/forms.js';
import { outcomeMessage } from '../../lib/chat/render.js';
import { callerOf } from '../../lib/chat/caller.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { rate } from '../../lib/tickets/feedback.js';

/** The rating's comment form, submitted: the same use case as /ticket feedback. */
export class RatingFormModal extends CustomIdHandler<'ratingForm'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.ModalSubmit, 'ratingForm');
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: CustomIdOf<'ratingForm'>) {
		await acknowledge(interaction, rate.audience);
		const outcome = await rate.run(
			this.container.ticketServices,
			callerOf(this.container, interaction.member),
			{ guildId: interaction.guildId, ticketId: id.ticketId },
			{ stars: id.stars, message: formText(interaction, 'comment') }
		);
		const { pingRoles: _none, ...message } = outcomeMessage(await translatorFor(interaction), outcome);
		await interaction.editReply(message);
	}
}
