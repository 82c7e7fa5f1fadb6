import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import { encodeCustomId, type CustomIdOf } from '../../lib/chat/customIds.js';
import { oneFieldForm } from '../../lib/chat/forms.js';
import { callerOf } from '../../lib/chat/caller.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { assertCanRate } from '../../lib/tickets/feedback.js';

/** A star button under a closed ticket: asks for an optional comment. */
export class RateTicketButton extends CustomIdHandler<'rateButton'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'rateButton');
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: CustomIdOf<'rateButton'>) {
		await assertCanRate(
			this.container.ticketServices,
			callerOf(this.container, interaction.member),
			interaction.guildId,
			id.ticketId
		);
		const t = await translatorFor(interaction);
		await interaction.showModal(
			oneFieldForm({
				customId: encodeCustomId({ kind: 'ratingForm', ticketId: id.ticketId, stars: id.stars }),
				title: t(LanguageKeys.Tickets.RateTitle, { stars: id.stars }),
				field: { id: 'comment', label: t(LanguageKeys.Tickets.RateComment), paragraph: true, required: false, maxLength: 1000 }
			})
		);
	}
}
