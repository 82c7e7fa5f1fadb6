import { entryAuthor } from '../access/actor.js';
import { isOpener } from '../access/policy.js';
import { refuse } from '../errors/Refusal.js';
import { statusNotice } from '../i18n/labels.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import { commitChange } from './change.js';
import { NO_CLOSE_REQUEST, performClose, shownReason } from './close.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { loadTicket, mention, staffScene } from './ticket.js';

const answered = notice(LanguageKeys.Tickets.NoCloseRequest);

/**
 * Staff ask the opener whether the ticket can be closed: the opener gets Close and Keep open buttons
 * (and a ping). With `hours`, an unanswered request closes the ticket by itself then: the deadline is
 * stored with the request and its timeline entry first, then the timer armed (a restart re-arms it; if
 * arming fails, the request is undone). A new request replaces a pending one.
 */
export const requestClose = useCase<{ reason: string | null; hours: number | null }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { reason, hours }) => {
		const { data, ticket } = await staffScene(services, actor, guildId, ticketId, 'close');
		const now = new Date();
		const dueAt = hours ? new Date(now.getTime() + hours * 3_600_000) : null;
		const previous = {
			closeRequestedAt: ticket.closeRequestedAt,
			closeRequestedById: ticket.closeRequestedById,
			closeRequestReason: ticket.closeRequestReason,
			closeRequestDueAt: ticket.closeRequestDueAt
		};
		await commitChange(services, data, {
			entry: {
				ticketId,
				...entryAuthor(actor),
				action: 'ticket.close_requested',
				targetId: ticket.ownerId,
				details: { reason, ...(dueAt ? { closesAt: dueAt.toISOString() } : {}) }
			},
			write: async (tx) =>
				(
					await tx.ticket.updateMany({
						where: { id: ticketId, status: TicketStatus.Open },
						data: {
							closeRequestedAt: now,
							closeRequestedById: actor.userId,
							closeRequestReason: reason,
							closeRequestDueAt: dueAt
						}
					})
				).count === 1,
			lost: notice(LanguageKeys.Tickets.WrongState, { status: statusNotice(TicketStatus.Closed) }),
			...(dueAt ? { effect: () => services.timer.schedule(guildId, ticketId, dueAt) } : {}),
			undo: async (tx) => {
				await tx.ticket.updateMany({ where: { id: ticketId, closeRequestedAt: now }, data: previous });
			}
		});
		const request = notice(LanguageKeys.Tickets.CloseRequested, {
			opener: mention(ticket.ownerId),
			user: mention(actor.userId),
			reason: shownReason(reason)
		});
		return {
			ticketId,
			notice: dueAt
				? notice(LanguageKeys.Tickets.TwoLines, {
						first: request,
						second: notice(LanguageKeys.Tickets.CloseRequestDeadline, { when: `<t:${Math.floor(dueAt.getTime() / 1000)}:R>` })
					})
				: request,
			pingUsers: [ticket.ownerId],
			controls: { kind: 'closeRequest', ticketId }
		};
	}
);

/**
 * The opener's answer to a close request. Close: the ticket closes with the request's reason, by the
 * opener (whether or not the guild lets openers close on their own: staff asked). Keep open: the request
 * is withdrawn and the staff member who made it is pinged. Only the opener (or the ticket's owner)
 * answers, and only the request still pending: a second click, or one after a new request replaced it,
 * says it was answered.
 */
export const answerCloseRequest = useCase<{ accept: boolean }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { accept }) => {
		const scene = await loadTicket(services, guildId, ticketId);
		const { ticket, data } = scene;
		if (!isOpener(actor, scene.parties)) refuse(LanguageKeys.Tickets.CloseRequestOpenerOnly);
		if (ticket.status !== TicketStatus.Open || !ticket.closeRequestedAt) refuse(LanguageKeys.Tickets.NoCloseRequest);
		const pending = { status: TicketStatus.Open, closeRequestedAt: ticket.closeRequestedAt };
		const staffId = ticket.closeRequestedById;
		if (accept) {
			const reason = ticket.closeRequestReason;
			await performClose(services, scene, {
				actorId: actor.userId,
				reason,
				entry: { ticketId, ...entryAuthor(actor), action: 'ticket.closed', details: { reason, closeRequest: 'accepted' } },
				when: pending,
				lost: answered
			});
			return {
				ticketId,
				notice: notice(LanguageKeys.Tickets.TwoLines, {
					first: notice(LanguageKeys.Tickets.CloseRequestAccepted, {
						opener: mention(actor.userId),
						reason: shownReason(reason)
					}),
					second: notice(LanguageKeys.Tickets.RatePrompt)
				}),
				controls: { kind: 'rating', ticketId }
			};
		}
		await commitChange(services, data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.close_request_kept', targetId: staffId },
			write: async (tx) =>
				(await tx.ticket.updateMany({ where: { id: ticketId, ...pending }, data: NO_CLOSE_REQUEST })).count === 1,
			lost: answered
		});
		return {
			ticketId,
			notice: notice(LanguageKeys.Tickets.CloseRequestKept, {
				opener: mention(actor.userId),
				user: staffId ? mention(staffId) : ''
			}),
			...(staffId ? { pingUsers: [staffId] } : {})
		};
	}
);
