import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { translatorFor } from '../../lib/discord/translate.js';
import { DiscordAPIError, RESTJSONErrorCodes, type ButtonInteraction } from 'discord.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { purgeTarget, purgeTicket } from '../../lib/tickets/deletion.js';
import { operationContext } from '../../lib/tickets/operationContext.js';

/** The confirmation button of /ticket harddelete: purges the ticket's data, then deletes its channel. */
export class PurgeTicketButton extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.Button });
	}

	public override parse(interaction: ButtonInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'purge' && interaction.inGuild() ? this.some(id.ticketId) : this.none();
	}

	public async run(interaction: ButtonInteraction<'cached'>, ticketId: number) {
		const t = await translatorFor(interaction);
		const context = operationContext(interaction.guildId, interaction.member, interaction.channel!, t);
		const ticket = await purgeTarget(context, ticketId);
		await interaction.update({ content: t(LanguageKeys.Tickets.Purging), components: [] });
		await purgeTicket(context.audit, context.data, ticket, interaction.member.id);
		await interaction.channel!.delete('ticket hard-deleted').catch((error: unknown) => {
			if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel)) throw error;
		});
		await context.data.db.ticket.update({ where: { id: ticket.id }, data: { channelId: null } });
	}
}
