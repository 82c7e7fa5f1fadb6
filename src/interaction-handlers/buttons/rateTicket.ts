import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { translatorFor } from '../../lib/discord/translate.js';
import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ButtonInteraction } from 'discord.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { decodeCustomId, encodeCustomId } from '../../lib/chat/customIds.js';
import { checkCanRate } from '../../lib/tickets/feedback.js';

/** A star button under a closed ticket: asks for an optional comment. */
export class RateTicketButton extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.Button });
	}

	public override parse(interaction: ButtonInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'rate' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: { ticketId: number; stars: number }) {
		await checkCanRate(this.container.db.forGuild(interaction.guildId), id.ticketId, interaction.user.id);
		const t = await translatorFor(interaction);
		const comment = new TextInputBuilder()
			.setCustomId('comment')
			.setLabel(t(LanguageKeys.Tickets.RateComment))
			.setStyle(TextInputStyle.Paragraph)
			.setRequired(false)
			.setMaxLength(1000);
		await interaction.showModal(
			new ModalBuilder()
				.setCustomId(encodeCustomId({ kind: 'rating', ticketId: id.ticketId, stars: id.stars }))
				.setTitle(t(LanguageKeys.Tickets.RateTitle, { stars: id.stars }))
				.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(comment))
		);
	}
}
