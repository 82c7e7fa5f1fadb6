import { container } from '@sapphire/framework';
import { auditRow, type AuditEntry } from '../audit/AuditLog.js';
import { translatorFor } from '../discord/translate.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { TicketStatus } from '../model/status.js';
import { announceSystemClose } from './systemClose.js';

/**
 * Closes a ticket whose scheduled close is due. Safe to run any number of times, from any process:
 * the database decides (status open and the due time reached), so a ticket closes once, a cancelled or
 * postponed schedule does nothing, and a manual close that came first wins.
 */
export async function runScheduledClose(guildId: string, ticketId: number, now = new Date()): Promise<boolean> {
	const data = container.db.forGuild(guildId);
	const ticket = await data.db.ticket.findUnique({ where: { id: ticketId } });
	if (!ticket?.scheduledCloseAt) return false;
	const closedEntry: AuditEntry = {
		ticketId,
		actorId: ticket.scheduledCloseById,
		action: 'ticket.closed',
		details: { reason: ticket.scheduledCloseReason, scheduled: true }
	};
	// The close and its timeline entry land together, or not at all.
	const closed = await data.db.$transaction(async (tx) => {
		const { count } = await tx.ticket.updateMany({
			where: { id: ticketId, status: TicketStatus.Open, scheduledCloseAt: { lte: now }, softDeletedAt: null },
			data: {
				status: TicketStatus.Closed,
				closedAt: now,
				closedById: ticket.scheduledCloseById,
				closeReason: ticket.scheduledCloseReason,
				scheduledCloseAt: null
			}
		});
		if (count === 0) return false;
		await tx.auditEvent.create({ data: auditRow(guildId, closedEntry) });
		return true;
	});
	if (!closed) return false;
	container.audit.published(data, closedEntry);
	container.transcripts.queueArchive(guildId, ticketId);
	const t = await translatorFor(container.client.guilds.cache.get(guildId)!);
	const reason = ticket.scheduledCloseReason ? userText(ticket.scheduledCloseReason, 500) : t(LanguageKeys.Tickets.NoReason);
	const by = `<@${ticket.scheduledCloseById ?? container.client.user!.id}>`;
	await announceSystemClose(
		data,
		ticket,
		`${t(LanguageKeys.Tickets.ScheduledClosed, { user: by, reason })}\n${t(LanguageKeys.Tickets.RatePrompt)}`
	);
	return true;
}
