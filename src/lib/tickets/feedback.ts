import type { AuditLog } from '../audit/AuditLog.js';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { GuildData } from '../database/guildData.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { encodeCustomId } from '../chat/customIds.js';
import { TicketStatus } from '../model/status.js';
import { refuse } from '../errors/Refusal.js';

/** Five star buttons, posted with the close message. */
export function ratingButtons(ticketId: number): ActionRowBuilder<ButtonBuilder> {
	return new ActionRowBuilder<ButtonBuilder>().addComponents(
		[1, 2, 3, 4, 5].map((stars) =>
			new ButtonBuilder()
				.setCustomId(encodeCustomId({ kind: 'rate', ticketId, stars }))
				.setStyle(ButtonStyle.Secondary)
				.setLabel(`${stars}★`)
		)
	);
}

/** Who may rate, and when: the opener, once the ticket is closed, once. */
export async function checkCanRate(data: GuildData, ticketId: number, userId: string): Promise<void> {
	const ticket = await data.db.ticket.findUnique({ where: { id: ticketId }, include: { feedback: true } });
	if (!ticket || ticket.openerId !== userId) refuse(LanguageKeys.Tickets.RateOnlyOpener);
	if (ticket.status !== TicketStatus.Closed) refuse(LanguageKeys.Tickets.RateNotClosed);
	if (ticket.feedback) refuse(LanguageKeys.Tickets.RateAlready);
}

/** Stores the rating; a second one for the same ticket is refused, even when both arrive at once. */
export async function recordFeedback(
	audit: AuditLog,
	data: GuildData,
	ticketId: number,
	userId: string,
	stars: number,
	message: string | null
): Promise<void> {
	await checkCanRate(data, ticketId, userId);
	try {
		await data.db.feedback.create({ data: { guildId: data.guildId, ticketId, userId, stars, message } });
	} catch (error) {
		// P2002: the unique ticket ID was taken by a rating that came first.
		if ((error as { code?: string }).code === 'P2002') refuse(LanguageKeys.Tickets.RateAlready);
		throw error;
	}
	await audit.record(data, { ticketId, actorId: userId, action: 'ticket.rated', details: { stars, comment: message !== null } });
}
