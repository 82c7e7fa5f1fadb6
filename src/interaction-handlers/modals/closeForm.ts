import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { translatorFor } from '../../lib/discord/translate.js';
import type { ModalSubmitInteraction } from 'discord.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { ticketInChannel } from '../../lib/tickets/access.js';
import { operationContext } from '../../lib/tickets/operationContext.js';
import { closeTicket } from '../../lib/tickets/operations.js';
import { refuse } from '../../lib/errors/Refusal.js';

/** The close form behind a ticket's Close button. */
export class CloseFormModal extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.ModalSubmit });
	}

	public override parse(interaction: ModalSubmitInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'closing' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: { ticketId: number }) {
		const data = this.container.db.forGuild(interaction.guildId);
		if ((await ticketInChannel(data, interaction.channelId!)).id !== id.ticketId) refuse(LanguageKeys.Errors.InvalidButton);
		const field = interaction.fields.fields.get('reason');
		const reason = field && 'value' in field && typeof field.value === 'string' && field.value.trim() ? field.value.trim() : null;
		const result = await closeTicket(
			operationContext(interaction.guildId, interaction.member, interaction.channel!, await translatorFor(interaction)),
			reason
		);
		await interaction.reply({ content: result.content, components: result.components ?? [], allowedMentions: { parse: [] } });
	}
}
