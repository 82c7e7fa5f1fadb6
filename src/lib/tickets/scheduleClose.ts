import { entryAuthor } from '../access/actor.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { mention, staffScene } from './ticket.js';

/**
 * Closes the ticket after a delay (0 cancels). The due time is stored with its timeline entry first, then
 * the timer is armed (a restart re-arms every stored due time, so a restart loses nothing); if arming
 * fails, the schedule is undone.
 */
export const scheduleClose = useCase<{ minutes: number; reason: string | null }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { minutes, reason }) => {
		const { data, ticket } = await staffScene(services, actor, guildId, ticketId, 'edit');
		const by = mention(actor.userId);
		const previous = {
			scheduledCloseAt: ticket.scheduledCloseAt,
			scheduledCloseById: ticket.scheduledCloseById,
			scheduledCloseReason: ticket.scheduledCloseReason
		};
		if (minutes === 0) {
			if (!ticket.scheduledCloseAt) refuse(LanguageKeys.Tickets.NothingScheduled);
			await commitChange(services, data, {
				entry: { ticketId, ...entryAuthor(actor), action: 'ticket.close_unscheduled' },
				write: async (tx) =>
					(
						await tx.ticket.updateMany({
							where: { id: ticketId, scheduledCloseAt: { not: null } },
							data: { scheduledCloseAt: null, scheduledCloseById: null, scheduledCloseReason: null }
						})
					).count === 1,
				lost: notice(LanguageKeys.Tickets.NothingScheduled)
			});
			return { ticketId, notice: notice(LanguageKeys.Tickets.CloseUnscheduled, { by }) };
		}
		const at = new Date(Date.now() + minutes * 60_000);
		await commitChange(services, data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.close_scheduled', details: { at: at.toISOString(), reason } },
			write: async (tx) =>
				(
					await tx.ticket.updateMany({
						where: { id: ticketId },
						data: { scheduledCloseAt: at, scheduledCloseById: actor.userId, scheduledCloseReason: reason }
					})
				).count === 1,
			lost: notice(LanguageKeys.Tickets.NotATicket),
			effect: () => services.timer.schedule(guildId, ticketId, at),
			undo: async (tx) => {
				await tx.ticket.updateMany({ where: { id: ticketId, scheduledCloseAt: at }, data: previous });
			}
		});
		return {
			ticketId,
			notice: notice(LanguageKeys.Tickets.CloseScheduled, { when: `<t:${Math.floor(at.getTime() / 1000)}:R>`, by })
		};
	}
);
