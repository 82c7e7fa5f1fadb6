import { entryAuthor } from '../access/actor.js';
import { canWork } from '../access/policy.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { loadTicket } from './ticket.js';

/**
 * An internal note: stored for staff, never posted in the ticket. Only its author reads the answer, on
 * every surface. Notes are taken on closed tickets too: staff may record what happened after the fact.
 */
export const addNote = useCase<{ text: string }, TicketOutcome>(
	'private',
	async (services, actor, { guildId, ticketId }, { text }) => {
		const scene = await loadTicket(services, guildId, ticketId);
		if (!canWork(actor, scene.roles, scene.team)) refuse(LanguageKeys.Tickets.StaffOnly);
		await commitChange(services, scene.data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.note' },
			write: async (tx) => {
				await tx.ticketNote.create({ data: { guildId, ticketId, authorId: actor.userId, content: text } });
				return true;
			},
			lost: notice(LanguageKeys.Tickets.NotATicket)
		});
		return { ticketId, notice: notice(LanguageKeys.Tickets.NoteSaved) };
	}
);
