import { translatorFor } from '../discord/translate.js';
import {
	ActionRowBuilder,
	AttachmentBuilder,
	ButtonBuilder,
	ButtonStyle,
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
import { usableRoles } from '../access/roles.js';
import { readList } from '../database/json.js';
import { discordStep } from '../discord/failures.js';
import { encodeCustomId } from './customIds.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { checkAnswers, type Answer } from '../tickets/answers.js';
import { MAX_ATTEMPTS } from '../tickets/captcha.js';
import { renderCaptcha } from './captchaImage.js';
import { oneFieldForm } from './forms.js';
import { renderWelcome } from './welcome.js';
import { awayUntil, hoursRefusal } from '../tickets/sla.js';
import { within } from '../lifecycle/deadline.js';
import { Semaphore } from '../lifecycle/Semaphore.js';
import { cut } from '../text/cut.js';
import { refuse, Refusal } from '../errors/Refusal.js';
import type { ChatServices } from './services.js';

type StartingInteraction = (ButtonInteraction | StringSelectMenuInteraction | ChatInputCommandInteraction) & { guildId: string };

/** How long the refusal checks may delay a form or a captcha (the first answer to the click). */
const EARLY_CHECKS_MS = 1_500;

/** The form's field IDs: q0 … q4, in question order. */
const fieldId = (index: number) => `q${index}`;

/**
 * A member asked for a ticket (panel button, menu, or /ticket create): refuse early with the reason,
 * ask the captcha when the category wants one, then show the category's form, or open the ticket at
 * once when it has no questions.
 */
export async function beginTicket(
	services: ChatServices,
	interaction: StartingInteraction,
	category: TicketCategory,
	panelId: number,
	source: string
): Promise<void> {
	const { guildId } = interaction;
	// A category paused out of hours says so before any form (open() checks again, under the lock).
	const closed = hoursRefusal(category, new Date());
	if (closed) throw new Refusal(closed);
	if (category.questions.length === 0 && !category.captcha) {
		// Acknowledge first (Discord allows 3 s); the guards run again under the lock in open().
		await interaction.deferReply({ flags: MessageFlags.Ephemeral });
		await openAndAnnounce(services, interaction, category, [], source);
		return;
	}
	// Refuse before the member solves a captcha or fills in a form for nothing, unless the checks are
	// slow: the first answer must come within Discord's 3 s, and the same checks run again, under the
	// creation's lock, when the form is submitted.
	const refusal = await within(services.tickets.refusal(guildId, interaction.user.id), EARLY_CHECKS_MS, null);
	if (refusal) throw new Refusal(refusal);
	if (category.captcha && !(await services.captcha.passed(guildId, interaction.user.id, category.id))) {
		await showChallenge(services, interaction, category, panelId);
		return;
	}
	if (category.questions.length === 0) {
		await interaction.deferReply({ flags: MessageFlags.Ephemeral });
		await openAndAnnounce(services, interaction, category, [], source);
		return;
	}
	await interaction.showModal(ticketForm(category, panelId));
}

/** The captcha: the code as a picture, and a button that opens the form to type it. */
async function showChallenge(
	services: ChatServices,
	interaction: StartingInteraction,
	category: TicketCategory,
	panelId: number
): Promise<void> {
	const code = await services.captcha.issue(interaction.guildId, interaction.user.id, category.id);
	const t = await translatorFor(interaction);
	const button = new ButtonBuilder()
		.setCustomId(encodeCustomId({ kind: 'captchaButton', panelId, categoryId: category.id }))
		.setStyle(ButtonStyle.Primary)
		.setLabel(t(LanguageKeys.Captcha.Enter));
	await interaction.reply({
		content: t(LanguageKeys.Captcha.Prompt, { attempts: MAX_ATTEMPTS }),
		files: [new AttachmentBuilder(await renderCaptcha(code), { name: 'captcha.png' })],
		components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)],
		flags: MessageFlags.Ephemeral
	});
}

/** The button under the captcha picture: the form to type the code. */
export async function showCaptchaForm(interaction: ButtonInteraction, categoryId: number, panelId: number): Promise<void> {
	const t = await translatorFor(interaction);
	await interaction.showModal(
		oneFieldForm({
			customId: encodeCustomId({ kind: 'captchaForm', panelId, categoryId }),
			title: t(LanguageKeys.Captcha.Title),
			field: { id: 'code', label: t(LanguageKeys.Captcha.Label), paragraph: false, required: true, maxLength: 20 }
		})
	);
}

/** The typed code: right opens the way (the form, or the ticket), wrong says how many tries are left. */
export async function solveCaptcha(
	services: ChatServices,
	interaction: ModalSubmitInteraction & { guildId: string },
	category: TicketCategory,
	panelId: number,
	source: string
): Promise<void> {
	const field = interaction.fields.fields.get('code');
	const answer = field && 'value' in field && typeof field.value === 'string' ? field.value : '';
	const result = await services.captcha.verify(interaction.guildId, interaction.user.id, category.id, answer);
	if (result.kind === 'wrong') refuse(LanguageKeys.Captcha.Wrong, { count: result.attemptsLeft });
	if (result.kind === 'expired') refuse(LanguageKeys.Captcha.Expired);
	if (category.questions.length === 0) {
		await interaction.deferReply({ flags: MessageFlags.Ephemeral });
		await openAndAnnounce(services, interaction, category, [], source);
		return;
	}
	// A form cannot answer a form: offer the button that opens the ticket form.
	const t = await translatorFor(interaction);
	const button = new ButtonBuilder()
		.setCustomId(encodeCustomId({ kind: 'panelButton', panelId, categoryId: category.id }))
		.setStyle(ButtonStyle.Success)
		.setLabel(t(LanguageKeys.Captcha.Continue));
	await interaction.reply({
		content: t(LanguageKeys.Captcha.Solved),
		components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)],
		flags: MessageFlags.Ephemeral
	});
}

/** The form was submitted: check the answers, then open the ticket. */
export async function submitTicketForm(
	services: ChatServices,
	interaction: ModalSubmitInteraction & { guildId: string },
	category: TicketCategory,
	source: string
): Promise<void> {
	const values = category.questions.map((_, index) => {
		const field = interaction.fields.fields.get(fieldId(index));
		return field && 'value' in field && typeof field.value === 'string' ? field.value : '';
	});
	const checked = checkAnswers(category.questions, values);
	if ('refusal' in checked) throw new Refusal(checked.refusal);
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	await openAndAnnounce(services, interaction, category, checked.answers, source);
}

function ticketForm(category: TicketCategory, panelId: number): ModalBuilder {
	const modal = new ModalBuilder()
		.setCustomId(encodeCustomId({ kind: 'creationForm', panelId, categoryId: category.id }))
		.setTitle(cut(category.displayName, 45));
	for (const [index, question] of category.questions.entries()) {
		const input = new TextInputBuilder()
			.setCustomId(fieldId(index))
			.setLabel(cut(question.label, 45))
			.setStyle(question.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short)
			.setRequired(question.required);
		if (question.minLength) input.setMinLength(question.minLength);
		if (question.maxLength) input.setMaxLength(question.maxLength);
		modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
	}
	return modal;
}

// Creations in flight in this process: the rest wait (already acknowledged), so a burst of hundreds
// does not crowd the event loop and delay the acknowledgement of the clicks still arriving.
const creations = new Semaphore(16);

async function openAndAnnounce(
	services: ChatServices,
	interaction: (StartingInteraction | ModalSubmitInteraction) & { guildId: string },
	category: TicketCategory,
	answers: Answer[],
	source: string
): Promise<void> {
	await creations.run(() => openAndAnnounceNow(services, interaction, category, answers, source));
}

async function openAndAnnounceNow(
	services: ChatServices,
	interaction: (StartingInteraction | ModalSubmitInteraction) & { guildId: string },
	category: TicketCategory,
	answers: Answer[],
	source: string
): Promise<void> {
	const guild = interaction.guild ?? (await interaction.client.guilds.fetch(interaction.guildId));
	const member = await guild.members.fetch(interaction.user.id);
	const data = services.ticketServices.db.forGuild(guild.id);
	// A form submitted without the captcha (a forged or replayed interaction) opens nothing.
	if (category.captcha && !(await services.captcha.passed(guild.id, member.id, category.id)))
		refuse(LanguageKeys.Captcha.Expired);
	// The ticket speaks the guild's language; the reply speaks the member's.
	const guildT = await translatorFor(guild);
	const settings = await data.settings();
	// Only the roles the bot accepts as staff are pinged (never @everyone, whatever was stored).
	const { roles, log } = services.ticketServices;
	const staff = usableRoles(guild.id, [...category.staffRoleIds, ...readList(settings.supportRoleIds)], roles, log, 'welcome');
	const opened = await services.tickets.open({
		guildId: guild.id,
		opener: { id: member.id, username: member.user.username },
		category,
		answers,
		source,
		whenFull: 'queue',
		welcome: async (ticket) => {
			const channel = await guild.channels.fetch(ticket.channelId);
			if (!channel?.isTextBased()) refuse(LanguageKeys.Errors.ChannelGone);
			await discordStep({ permission: 'SendMessages', where: `<#${ticket.channelId}>` }, () =>
				channel.send(
					renderWelcome({ ...ticket, openerId: member.id }, category, staff, answers, guildT, awayUntil(category, new Date()))
				)
			);
		}
	});
	if (category.captcha) await services.captcha.consume(guild.id, member.id, category.id);
	const t = await translatorFor(interaction);
	await interaction.editReply({
		content: t(LanguageKeys.Tickets.Created, { channel: `<#${opened.channelId}>`, number: opened.number })
	});
}
