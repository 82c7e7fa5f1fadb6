import { canRate } from '../access/policy.js';
import { entryAuthor, type Actor } from '../access/actor.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import type { TicketServices } from './services.js';
import { loadTicket } from './ticket.js';

/** Who may rate, and when: the opener, once the ticket is closed, once. Checked before the comment form opens. */
export async function assertCanRate(services: TicketServices, actor: Actor, guildId: string, ticketId: number): Promise<void> {
	const scene = await loadTicket(services, guildId, ticketId);
	if (!canRate(actor, scene.parties)) refuse(LanguageKeys.Tickets.RateOnlyOpener);
	if (scene.ticket.status !== TicketStatus.Closed) refuse(LanguageKeys.Tickets.RateNotClosed);
	if (await scene.data.db.feedback.findUnique({ where: { ticketId } })) refuse(LanguageKeys.Tickets.RateAlready);
}

/** Stores the opener's rating; a second one is refused, even when both arrive at once. Only the rater reads the thanks. */
export const rate = useCase<{ stars: number; message: string | null }, TicketOutcome>(
	'private',
	async (services, actor, { guildId, ticketId }, { stars, message }) => {
		await assertCanRate(services, actor, guildId, ticketId);
		await commitChange(services, services.db.forGuild(guildId), {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.rated', details: { stars, comment: message !== null } },
			write: async (tx) => {
				if (await tx.feedback.findUnique({ where: { ticketId } })) return false;
				await tx.feedback.create({ data: { guildId, ticketId, userId: actor.userId, stars, message } });
				return true;
			},
			lost: notice(LanguageKeys.Tickets.RateAlready)
		});
		return { ticketId, notice: notice(LanguageKeys.Tickets.RateThanks, { stars }) };
	}
);
