import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { runInTicket } from '../../lib/chat/ticketSubcommand.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { confirmHardDelete, purge } from '../../lib/tickets/hardDelete.js';

/** The confirmation button of /ticket harddelete: the ticket is purged and its channel deleted. */
export class PurgeTicketButton extends CustomIdHandler<'purgeButton'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'purgeButton');
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: CustomIdOf<'purgeButton'>) {
		// Checked before the answer (an admin's click, on this ticket); the answer comes before the purge,
		// since once the channel is gone there is nowhere to answer.
		await runInTicket(this.container, confirmHardDelete, interaction.member, interaction.channelId, undefined, id.ticketId);
		await interaction.update({ content: (await translatorFor(interaction))(LanguageKeys.Tickets.Purging), components: [] });
		await runInTicket(this.container, purge, interaction.member, interaction.channelId, undefined, id.ticketId);
	}
}
