import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { StringSelectMenuInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { openMessageTicket } from '../../lib/chat/messageTicket.js';

/** The category picked for a ticket about a message. */
export class MessageTicketMenu extends CustomIdHandler<'messageTicketMenu'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.SelectMenu, 'messageTicketMenu');
	}

	public async run(interaction: StringSelectMenuInteraction<'cached'>, id: CustomIdOf<'messageTicketMenu'>) {
		await openMessageTicket(this.container, interaction, id);
	}
}
