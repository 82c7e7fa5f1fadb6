import { entryAuthor } from '../access/actor.js';
import { isAdmin } from '../access/policy.js';
import { refuse } from '../errors/Refusal.js';
import { statusNotice } from '../i18n/labels.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { mention, staffScene } from './ticket.js';

/** A staff member takes the ticket; of two clicking at once, one gets it. */
export const claim = useCase<void, TicketOutcome>('channel', async (services, actor, { guildId, ticketId }) => {
	const { data, ticket } = await staffScene(services, actor, guildId, ticketId, 'claim');
	if (ticket.claimedById) refuse(LanguageKeys.Tickets.AlreadyClaimed, { user: mention(ticket.claimedById) });
	await commitChange(services, data, {
		entry: { ticketId, ...entryAuthor(actor), action: 'ticket.claimed' },
		write: async (tx) => {
			const { count } = await tx.ticket.updateMany({
				where: { id: ticketId, claimedById: null, status: TicketStatus.Open },
				data: { claimedById: actor.userId, claimedAt: new Date() }
			});
			return count === 1;
		},
		lost: async () => {
			const now = await data.db.ticket.findUnique({ where: { id: ticketId }, select: { claimedById: true, status: true } });
			return now?.claimedById
				? notice(LanguageKeys.Tickets.AlreadyClaimed, { user: mention(now.claimedById) })
				: notice(LanguageKeys.Tickets.WrongState, { status: statusNotice(now?.status ?? TicketStatus.Closed) });
		}
	});
	return { ticketId, notice: notice(LanguageKeys.Tickets.Claimed, { user: mention(actor.userId) }) };
});

/** The claimer, or an admin, releases the ticket for another staff member. */
export const unclaim = useCase<void, TicketOutcome>('channel', async (services, actor, { guildId, ticketId }) => {
	const { data, ticket, roles } = await staffScene(services, actor, guildId, ticketId, 'unclaim');
	const claimer = ticket.claimedById;
	if (!claimer) refuse(LanguageKeys.Tickets.NotClaimed);
	if (claimer !== actor.userId && !isAdmin(actor, roles)) refuse(LanguageKeys.Tickets.NotClaimer, { user: mention(claimer) });
	await commitChange(services, data, {
		entry: { ticketId, ...entryAuthor(actor), action: 'ticket.unclaimed', targetId: claimer },
		write: async (tx) =>
			(
				await tx.ticket.updateMany({
					where: { id: ticketId, claimedById: claimer },
					data: { claimedById: null, claimedAt: null }
				})
			).count === 1,
		lost: notice(LanguageKeys.Tickets.NotClaimed)
	});
	return { ticketId, notice: notice(LanguageKeys.Tickets.Unclaimed, { user: mention(actor.userId) }) };
});
