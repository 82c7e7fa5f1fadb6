import { entryAuthor } from '../access/actor.js';
import { priorityNotice } from '../i18n/labels.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import type { Priority } from '../model/priorities.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { mention, staffScene } from './ticket.js';

export const setPriority = useCase<{ priority: Priority }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { priority }) => {
		const { data, ticket } = await staffScene(services, actor, guildId, ticketId, 'edit');
		await commitChange(services, data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.priority', details: { from: ticket.priority, to: priority } },
			write: async (tx) => (await tx.ticket.updateMany({ where: { id: ticketId }, data: { priority } })).count === 1,
			lost: notice(LanguageKeys.Tickets.NotATicket)
		});
		return {
			ticketId,
			notice: notice(LanguageKeys.Tickets.PrioritySet, { priority: priorityNotice(priority), by: mention(actor.userId) })
		};
	}
);
