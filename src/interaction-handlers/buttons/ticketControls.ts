import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { translatorFor } from '../../lib/discord/translate.js';
import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ButtonInteraction } from 'discord.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { decodeCustomId, encodeCustomId } from '../../lib/chat/customIds.js';
import { ticketInChannel } from '../../lib/tickets/access.js';
import { operationContext } from '../../lib/tickets/operationContext.js';
import { claimTicket } from '../../lib/tickets/operations.js';
import { refuse } from '../../lib/errors/Refusal.js';

/** The Claim and Close buttons on a ticket's welcome message. */
export class TicketControlsButton extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.Button });
	}

	public override parse(interaction: ButtonInteraction) {
		const id = decodeCustomId(interaction.customId);
		return (id?.kind === 'claim' || id?.kind === 'close') && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: { kind: 'claim' | 'close'; ticketId: number }) {
		const t = await translatorFor(interaction);
		const data = this.container.db.forGuild(interaction.guildId);
		// A button copied to another channel does not act on that channel's ticket.
		const ticket = await ticketInChannel(data, interaction.channelId);
		if (ticket.id !== id.ticketId) refuse(LanguageKeys.Errors.InvalidButton);
		if (id.kind === 'claim') {
			const result = await claimTicket(operationContext(interaction.guildId, interaction.member, interaction.channel!, t));
			await interaction.reply({ content: result.content, allowedMentions: { parse: [] } });
			return;
		}
		const reason = new TextInputBuilder()
			.setCustomId('reason')
			.setLabel(t(LanguageKeys.Tickets.CloseReason))
			.setStyle(TextInputStyle.Paragraph)
			.setRequired(false)
			.setMaxLength(500);
		await interaction.showModal(
			new ModalBuilder()
				.setCustomId(encodeCustomId({ kind: 'closing', ticketId: ticket.id }))
				.setTitle(t(LanguageKeys.Tickets.CloseTitle))
				.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(reason))
		);
	}
}
