import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { listMessage } from '../../lib/chat/render.js';
import { callerOf } from '../../lib/chat/caller.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { ticketList } from '../../lib/tickets/list.js';

/**
 * The Previous and Next buttons of /ticket list. The page is read again for whoever clicks, with their
 * own rights: the one who asked turns the page; anyone else gets the page as they may see it, for them
 * alone, and the list they clicked on does not change.
 */
export class TicketListPageButton extends CustomIdHandler<'listPage'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'listPage');
	}

	public async run(interaction: ButtonInteraction<'cached'>, { ownerId, kind: _kind, ...query }: CustomIdOf<'listPage'>) {
		const shown = await ticketList.run(
			this.container.ticketServices,
			callerOf(this.container, interaction.member),
			interaction.guildId,
			query
		);
		const { pingRoles: _none, ...page } = listMessage(await translatorFor(interaction), shown, interaction.user.id);
		if (ownerId === interaction.user.id) await interaction.update(page);
		else await interaction.reply({ ...page, flags: MessageFlags.Ephemeral });
	}
}
