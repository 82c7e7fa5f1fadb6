import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { answerInTicket } from '../../lib/chat/ticketSubcommand.js';
import { claim } from '../../lib/tickets/claim.js';

/** The Claim button on a ticket's welcome message: the same use case as /ticket claim. */
export class ClaimButton extends CustomIdHandler<'claimButton'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'claimButton');
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: CustomIdOf<'claimButton'>) {
		await answerInTicket(this.container, interaction, claim, undefined, id.ticketId);
	}
}
