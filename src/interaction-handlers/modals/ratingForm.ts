import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { translatorFor } from '../../lib/discord/translate.js';
import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { recordFeedback } from '../../lib/tickets/feedback.js';

/** The rating's comment form, submitted. */
export class RatingFormModal extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.ModalSubmit });
	}

	public override parse(interaction: ModalSubmitInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'rating' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: { ticketId: number; stars: number }) {
		const field = interaction.fields.fields.get('comment');
		const comment =
			field && 'value' in field && typeof field.value === 'string' && field.value.trim() ? field.value.trim() : null;
		await recordFeedback(
			this.container.audit,
			this.container.db.forGuild(interaction.guildId),
			id.ticketId,
			interaction.user.id,
			id.stars,
			comment
		);
		const t = await translatorFor(interaction);
		await interaction.reply({ content: t(LanguageKeys.Tickets.RateThanks, { stars: id.stars }), flags: MessageFlags.Ephemeral });
	}
}
