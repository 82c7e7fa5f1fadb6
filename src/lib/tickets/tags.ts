import { entryAuthor } from '../access/actor.js';
import { writeList } from '../database/json.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, userList, userWritten } from '../i18n/notice.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { mention, staffScene } from './ticket.js';

/** Replaces the ticket's tags (already trimmed, deduplicated and bounded by the caller's parser). */
export const setTags = useCase<{ tags: readonly string[] }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { tags }) => {
		const { data } = await staffScene(services, actor, guildId, ticketId, 'edit');
		await commitChange(services, data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.tags', details: { tags } },
			write: async (tx) => (await tx.ticket.updateMany({ where: { id: ticketId }, data: { tags: writeList(tags) } })).count === 1,
			lost: notice(LanguageKeys.Tickets.NotATicket)
		});
		const shown = tags.length
			? userList(
					tags.map((tag) => userWritten(tag, 32, { code: true })),
					' '
				)
			: '—';
		return { ticketId, notice: notice(LanguageKeys.Tickets.TagsSet, { tags: shown, by: mention(actor.userId) }) };
	}
);
