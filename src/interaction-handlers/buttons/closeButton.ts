import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import { encodeCustomId, type CustomIdOf } from '../../lib/chat/customIds.js';
import { oneFieldForm } from '../../lib/chat/forms.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { ticketIdInChannel } from '../../lib/tickets/ticket.js';
import { refuse } from '../../lib/errors/Refusal.js';

/** The Close button on a ticket's welcome message: asks for the reason (see modals/closeForm.ts). */
export class CloseButton extends CustomIdHandler<'closeButton'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'closeButton');
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: CustomIdOf<'closeButton'>) {
		const data = this.container.db.forGuild(interaction.guildId);
		if ((await ticketIdInChannel(data, interaction.channelId)) !== id.ticketId) refuse(LanguageKeys.Errors.InvalidButton);
		const t = await translatorFor(interaction);
		await interaction.showModal(
			oneFieldForm({
				customId: encodeCustomId({ kind: 'closeForm', ticketId: id.ticketId }),
				title: t(LanguageKeys.Tickets.CloseTitle),
				field: { id: 'reason', label: t(LanguageKeys.Tickets.CloseReason), paragraph: true, required: false, maxLength: 500 }
			})
		);
	}
}
