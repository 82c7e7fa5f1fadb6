import { container } from '@sapphire/framework';
import { fetchT } from '@sapphire/plugin-i18next';
import {
	ActionRowBuilder,
	MessageFlags,
	ModalBuilder,
	TextInputBuilder,
	TextInputStyle,
	type ButtonInteraction,
	type ChatInputCommandInteraction,
	type ModalSubmitInteraction,
	type StringSelectMenuInteraction
} from 'discord.js';
import type { TicketCategory } from '../categories/CategoryService.js';
import { readList } from '../database/json.js';
import { encodeCustomId } from '../interactions/customIds.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { checkAnswers, type Answer } from './answers.js';
import { refuse } from './TicketCreator.js';
import { renderWelcome } from './welcome.js';

type StartingInteraction = (ButtonInteraction | StringSelectMenuInteraction | ChatInputCommandInteraction) & { guildId: string };

/** The form's field IDs: q0 … q4, in question order. */
const fieldId = (index: number) => `q${index}`;

/**
 * A member asked for a ticket (panel button, menu, or /ticket create): refuse early with the reason,
 * else show the category's form, or open the ticket at once when it has no questions.
 */
export async function beginTicket(
	interaction: StartingInteraction,
	category: TicketCategory,
	panelId: number,
	source: string
): Promise<void> {
	const data = container.db.forGuild(interaction.guildId);
	const refusal = await container.tickets.refusal(data, interaction.user.id);
	if (refusal) refuse(refusal);
	if (category.questions.length > 0) {
		await interaction.showModal(ticketForm(category, panelId));
		return;
	}
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	await openAndAnnounce(interaction, category, [], source);
}

/** The form was submitted: check the answers, then open the ticket. */
export async function submitTicketForm(
	interaction: ModalSubmitInteraction & { guildId: string },
	category: TicketCategory,
	source: string
): Promise<void> {
	const values = category.questions.map((_, index) => {
		const field = interaction.fields.fields.get(fieldId(index));
		return field && 'value' in field && typeof field.value === 'string' ? field.value : '';
	});
	const checked = checkAnswers(category.questions, values);
	if ('refusal' in checked) refuse(checked.refusal);
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	await openAndAnnounce(interaction, category, checked.answers, source);
}

function ticketForm(category: TicketCategory, panelId: number): ModalBuilder {
	const modal = new ModalBuilder()
		.setCustomId(encodeCustomId({ kind: 'form', panelId, categoryId: category.id }))
		.setTitle(category.displayName.slice(0, 45));
	for (const [index, question] of category.questions.entries()) {
		const input = new TextInputBuilder()
			.setCustomId(fieldId(index))
			.setLabel(question.label.slice(0, 45))
			.setStyle(question.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short)
			.setRequired(question.required);
		if (question.minLength) input.setMinLength(question.minLength);
		if (question.maxLength) input.setMaxLength(question.maxLength);
		modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
	}
	return modal;
}

async function openAndAnnounce(
	interaction: (StartingInteraction | ModalSubmitInteraction) & { guildId: string },
	category: TicketCategory,
	answers: Answer[],
	source: string
): Promise<void> {
	const guild = interaction.guild ?? (await container.client.guilds.fetch(interaction.guildId));
	const member = await guild.members.fetch(interaction.user.id);
	const data = container.db.forGuild(guild.id);
	const opened = await container.tickets.open({ data, guild, member, category, answers, source });
	// The ticket speaks the guild's language; the reply speaks the member's.
	const guildT = await fetchT(guild);
	const settings = await data.settings();
	const staff = [...category.staffRoleIds, ...readList(settings.supportRoleIds)];
	await opened.channel
		.send(
			renderWelcome({ number: opened.number, anonymous: opened.anonymous, openerId: member.id }, category, staff, answers, guildT)
		)
		.catch((error: unknown) =>
			container.logger.warn('Could not post the welcome message of a ticket', { ticketId: opened.id, error })
		);
	const t = await fetchT(interaction);
	await interaction.editReply({
		content: t(LanguageKeys.Tickets.Created, { channel: `<#${opened.channel.id}>`, number: opened.number })
	});
}
