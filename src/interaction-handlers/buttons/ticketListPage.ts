import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { translatorFor } from '../../lib/discord/translate.js';
import type { ButtonInteraction } from 'discord.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { ticketListPage, type ListQuery } from '../../lib/tickets/listing.js';

/** The Previous and Next buttons of /ticket list: the page is read again for whoever clicks. */
export class TicketListPageButton extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.Button });
	}

	public override parse(interaction: ButtonInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'list' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ButtonInteraction<'cached'>, query: ListQuery) {
		const data = this.container.db.forGuild(interaction.guildId);
		const page = await ticketListPage(data, interaction.member, query, await translatorFor(interaction));
		await interaction.update(page);
	}
}
