import { entryAuthor } from '../access/actor.js';
import { refuse } from '../errors/Refusal.js';
import { statusNotice } from '../i18n/labels.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { accessEffect, mention, staffScene } from './ticket.js';

/** Locks (the opener and participants read but no longer write) or unlocks the ticket. */
export const lock = useCase<{ lock: boolean }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, input) => {
		const scene = await staffScene(services, actor, guildId, ticketId, input.lock ? 'lock' : 'unlock');
		const already = notice(input.lock ? LanguageKeys.Tickets.AlreadyLocked : LanguageKeys.Tickets.NotLocked);
		if (scene.ticket.locked === input.lock)
			refuse(input.lock ? LanguageKeys.Tickets.AlreadyLocked : LanguageKeys.Tickets.NotLocked);
		await commitChange(services, scene.data, {
			entry: { ticketId, ...entryAuthor(actor), action: input.lock ? 'ticket.locked' : 'ticket.unlocked' },
			write: async (tx) =>
				(await tx.ticket.updateMany({ where: { id: ticketId, locked: !input.lock }, data: { locked: input.lock } })).count === 1,
			lost: already,
			effect: accessEffect(services, scene, input.lock ? 'ticket locked' : 'ticket unlocked'),
			undo: async (tx) => {
				await tx.ticket.updateMany({ where: { id: ticketId, locked: input.lock }, data: { locked: !input.lock } });
			}
		});
		const key = input.lock ? LanguageKeys.Tickets.Locked : LanguageKeys.Tickets.Unlocked;
		return { ticketId, notice: notice(key, { user: mention(actor.userId) }) };
	}
);

/** Reopens a closed ticket whose channel still exists: its members write again (unless it is locked). */
export const reopen = useCase<void, TicketOutcome>('channel', async (services, actor, { guildId, ticketId }) => {
	const scene = await staffScene(services, actor, guildId, ticketId, 'reopen');
	const { ticket } = scene;
	await commitChange(services, scene.data, {
		entry: { ticketId, ...entryAuthor(actor), action: 'ticket.reopened' },
		write: async (tx) =>
			(
				await tx.ticket.updateMany({
					where: { id: ticketId, status: TicketStatus.Closed },
					data: {
						status: TicketStatus.Open,
						closedAt: null,
						closedById: null,
						closeReason: null,
						transcriptPostedAt: null,
						lastActivityAt: new Date()
					}
				})
			).count === 1,
		lost: notice(LanguageKeys.Tickets.WrongState, { status: statusNotice(TicketStatus.Open) }),
		// A locked ticket reopens locked: its members still read only (the effect then changes nothing).
		effect: accessEffect(services, scene, 'ticket reopened'),
		undo: async (tx) => {
			await tx.ticket.updateMany({
				where: { id: ticketId, status: TicketStatus.Open },
				data: {
					status: TicketStatus.Closed,
					closedAt: ticket.closedAt,
					closedById: ticket.closedById,
					closeReason: ticket.closeReason,
					transcriptPostedAt: ticket.transcriptPostedAt,
					lastActivityAt: ticket.lastActivityAt
				}
			});
		}
	});
	return { ticketId, notice: notice(LanguageKeys.Tickets.Reopened, { user: mention(actor.userId) }) };
});
