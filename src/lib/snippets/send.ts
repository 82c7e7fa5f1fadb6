import { entryAuthor } from '../access/actor.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, userWritten } from '../i18n/notice.js';
import { fillSnippet, findSnippet, shownName, SNIPPET_NAME_MAX } from './snippets.js';
import { recordTicketMessage } from '../tickets/activity.js';
import { commitChange } from '../tickets/change.js';
import { postDigest } from '../tickets/channels.js';
import { useCase, type TicketOutcome } from '../tickets/outcome.js';
import { mention, staffScene, ticketNumber } from '../tickets/ticket.js';

/**
 * Sends a snippet into the ticket as the bot, its variables filled in: recorded in the timeline first, then
 * posted (a post Discord refuses takes the entry back), then counted as the sender's answer, so a snippet
 * is a first response like a typed one. Only the opener is pinged. The caller alone reads the answer: the
 * ticket reads the snippet itself.
 */
export const sendSnippet = useCase<{ name: string }, TicketOutcome>(
	'caller',
	async (services, actor, { guildId, ticketId }, input) => {
		const scene = await staffScene(services, actor, guildId, ticketId, 'edit');
		const { ticket, data } = scene;
		const { channelId } = ticket;
		if (!channelId) refuse(LanguageKeys.Errors.ChannelGone);
		const snippet = await findSnippet(data, input.name);
		const category = ticket.categoryId
			? await data.db.category.findUnique({ where: { id: ticket.categoryId }, select: { displayName: true } })
			: null;
		const content = fillSnippet(snippet, {
			opener: mention(ticket.ownerId),
			staff: mention(actor.userId),
			ticket: ticketNumber(ticket.number),
			category: shownName(category?.displayName ?? ''),
			server: shownName(services.channels.guildName(guildId))
		});
		await commitChange(services, data, {
			// The digest tells a restart whether the post was made (see effectRepair.ts).
			entry: {
				ticketId,
				...entryAuthor(actor),
				action: 'ticket.snippet_sent',
				details: { name: snippet.name, digest: postDigest(content) }
			},
			write: async (tx) =>
				(await tx.snippet.updateMany({ where: { id: snippet.id }, data: { uses: { increment: 1 } } })).count === 1,
			lost: notice(LanguageKeys.Snippets.Unknown, { name: userWritten(snippet.name, SNIPPET_NAME_MAX) }),
			effect: () =>
				services.channels.post(guildId, channelId, {
					content,
					embed: snippet.embed ? { title: snippet.title } : null,
					pingUserIds: [ticket.ownerId]
				}),
			undo: async (tx) => {
				await tx.snippet.updateMany({ where: { id: snippet.id }, data: { uses: { decrement: 1 } } });
			}
		});
		await recordTicketMessage(data, ticketId, actor.userId, 'staff', new Date());
		return { ticketId, notice: notice(LanguageKeys.Snippets.Sent, { name: userWritten(snippet.name, SNIPPET_NAME_MAX) }) };
	}
);
