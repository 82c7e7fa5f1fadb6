import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type MessageCreateOptions } from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import type { TicketCategory } from '../categories/CategoryService.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { encodeCustomId } from './customIds.js';
import type { Answer } from '../tickets/answers.js';
import { priorityLabel } from '../i18n/labels.js';
import { cut } from '../text/cut.js';

/** The first message of a ticket: who and what, the form's answers, a ping for the staff, Claim and Close. */
export function renderWelcome(
	ticket: { id: number; number: number; anonymous: boolean; openerId: string },
	category: TicketCategory,
	staffRoleIds: readonly string[],
	answers: readonly Answer[],
	t: Translate,
	/** When the category's staff are away: their next opening, said in the welcome. */
	awayUntil: Date | null = null
): MessageCreateOptions {
	const number = String(ticket.number).padStart(4, '0');
	const embed = new EmbedBuilder()
		.setColor(0x5865f2)
		.setTitle(t(LanguageKeys.Tickets.WelcomeTitle, { number, category: cut(category.displayName, 80) }))
		.setDescription(
			ticket.anonymous
				? t(LanguageKeys.Tickets.WelcomeAnonymous)
				: t(LanguageKeys.Tickets.WelcomeBody, { user: `<@${ticket.openerId}>` })
		)
		.setFooter({ text: t(LanguageKeys.Tickets.WelcomeFooter, { priority: priorityLabel(t, category.defaultPriority) }) });
	if (awayUntil) {
		const at = Math.floor(awayUntil.getTime() / 1000);
		embed.addFields({ name: '\u200b', value: t(LanguageKeys.Tickets.WelcomeAway, { when: `<t:${at}:F> (<t:${at}:R>)` }) });
	}
	for (const { question, answer } of answers.slice(0, 5)) {
		embed.addFields({ name: cut(question, 256), value: answer ? userText(answer, 1024) : t(LanguageKeys.Tickets.NoAnswer) });
	}
	const roles = [...new Set(staffRoleIds)];
	const mentions = [ticket.anonymous ? null : `<@${ticket.openerId}>`, ...roles.map((id) => `<@&${id}>`)]
		.filter(Boolean)
		.join(' ');
	const controls = new ActionRowBuilder<ButtonBuilder>().addComponents(
		new ButtonBuilder()
			.setCustomId(encodeCustomId({ kind: 'claimButton', ticketId: ticket.id }))
			.setStyle(ButtonStyle.Primary)
			.setLabel(t(LanguageKeys.Tickets.ClaimButton)),
		new ButtonBuilder()
			.setCustomId(encodeCustomId({ kind: 'closeButton', ticketId: ticket.id }))
			.setStyle(ButtonStyle.Danger)
			.setLabel(t(LanguageKeys.Tickets.CloseButton))
	);
	return {
		...(mentions ? { content: mentions } : {}),
		embeds: [embed],
		components: [controls],
		allowedMentions: { users: ticket.anonymous ? [] : [ticket.openerId], roles }
	};
}
