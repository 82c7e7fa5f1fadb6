import { entryAuthor } from '../access/actor.js';
import { canClose, isAdmin } from '../access/policy.js';
import type { AuditEntry } from '../audit/AuditLog.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { refuse, Refusal } from '../errors/Refusal.js';
import { statusNotice } from '../i18n/labels.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, userWritten, type Notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import { guildRules } from '../settings/guildRules.js';
import { commitChange, toldUnchanged, type Committed, type Tx } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import type { TicketServices } from './services.js';
import { assertCanApply } from './stateMachine.js';
import { accessEffect, loadTicket, mention, type TicketRow, type TicketScene } from './ticket.js';

/** How a close came about: it decides who is named, what is recorded, and when the close still applies. */
export interface CloseSpec {
	actorId: string | null;
	reason: string | null;
	entry: AuditEntry;
	/** The state the close was decided from (open, a due schedule, an unanswered warning); none for a force close. */
	when: Prisma.TicketWhereInput;
	lost: Notice;
}

/** Undoes a close: the ticket's status fields as they were before it (only while `still` holds). */
async function reopened(tx: Tx, ticket: TicketRow, still: Prisma.TicketWhereInput = {}): Promise<void> {
	await tx.ticket.updateMany({
		where: { id: ticket.id, ...still },
		data: {
			status: ticket.status,
			closedAt: ticket.closedAt,
			closedById: ticket.closedById,
			closeReason: ticket.closeReason,
			scheduledCloseAt: ticket.scheduledCloseAt,
			...closeRequestOf(ticket)
		}
	});
}

/** A ticket's pending close request, as its row holds it (cleared by a close, put back by its undo). */
const closeRequestOf = (ticket: TicketRow) => ({
	closeRequestedAt: ticket.closeRequestedAt,
	closeRequestedById: ticket.closeRequestedById,
	closeRequestReason: ticket.closeRequestReason,
	closeRequestDueAt: ticket.closeRequestDueAt
});

/** No close request pending. */
export const NO_CLOSE_REQUEST = {
	closeRequestedAt: null,
	closeRequestedById: null,
	closeRequestReason: null,
	closeRequestDueAt: null
};

export const shownReason = (reason: string | null) => (reason ? userWritten(reason, 500) : notice(LanguageKeys.Tickets.NoReason));

/**
 * The one close path, for every kind of close: the status fields and the timeline entry in one
 * transaction, then the opener and participants stop writing (undone if Discord refuses), then the
 * transcript is written in the background (caught up at start-up if the bot stops first).
 */
export async function performClose(services: TicketServices, scene: TicketScene, spec: CloseSpec): Promise<Committed> {
	const { data, ticket } = scene;
	const closedAt = ticket.status === TicketStatus.Closed && ticket.closedAt ? ticket.closedAt : new Date();
	const committed = await commitChange(services, data, {
		entry: spec.entry,
		write: async (tx) => {
			const { count } = await tx.ticket.updateMany({
				where: { id: ticket.id, ...spec.when },
				data: {
					status: TicketStatus.Closed,
					closedAt,
					closedById: spec.actorId,
					closeReason: spec.reason,
					scheduledCloseAt: null,
					...NO_CLOSE_REQUEST
				}
			});
			return count === 1;
		},
		lost: spec.lost,
		// The opener and participants keep reading a closed ticket but no longer write in it.
		effect: accessEffect(services, scene, 'ticket closed'),
		undo: (tx) => reopened(tx, ticket, { status: TicketStatus.Closed, closedAt })
	});
	services.transcripts.queueArchive(data.guildId, ticket.id);
	return committed;
}

const closedOnce = notice(LanguageKeys.Tickets.WrongState, { status: statusNotice(TicketStatus.Closed) });

/** Staff close a ticket with a reason; the opener too where the guild allows it. A close races safely with another. */
export const close = useCase<{ reason: string | null }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { reason }) => {
		const scene = await loadTicket(services, guildId, ticketId);
		const openerMayClose = guildRules(await scene.data.settings(), services.config).allowOpenerClose;
		if (!canClose(actor, scene.roles, scene.team, scene.parties, openerMayClose)) {
			refuse(
				scene.parties.ownerId === actor.userId || scene.parties.openerId === actor.userId
					? LanguageKeys.Tickets.OpenerCannotClose
					: LanguageKeys.Tickets.StaffOnly
			);
		}
		assertCanApply(scene.ticket.status, 'close');
		await performClose(services, scene, {
			actorId: actor.userId,
			reason,
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.closed', details: { reason } },
			when: { status: TicketStatus.Open },
			lost: closedOnce
		});
		return {
			ticketId,
			notice: notice(LanguageKeys.Tickets.TwoLines, {
				first: notice(LanguageKeys.Tickets.ClosedBy, { user: mention(actor.userId), reason: shownReason(reason) }),
				second: notice(LanguageKeys.Tickets.RatePrompt)
			}),
			controls: { kind: 'rating', ticketId }
		};
	}
);

/**
 * Admins close a ticket whatever its state (even one stuck being created). With `deleteChannel` the
 * answer comes first, then the transcript is saved and the channel deleted; if Discord refuses the
 * deletion, the close is undone and the admin told why.
 */
export const forceClose = useCase<{ reason: string; deleteChannel: boolean }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { reason, deleteChannel }) => {
		const scene = await loadTicket(services, guildId, ticketId);
		if (!isAdmin(actor, scene.roles)) refuse(LanguageKeys.Errors.AdminOnly);
		const spec: CloseSpec = {
			actorId: actor.userId,
			reason,
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.force_closed', details: { reason, deleteChannel } },
			when: {},
			lost: closedOnce
		};
		if (!deleteChannel) {
			await performClose(services, scene, spec);
			return {
				ticketId,
				notice: notice(LanguageKeys.Tickets.ForceClosed, { user: mention(actor.userId), reason: userWritten(reason, 500) })
			};
		}
		const committed = await commitChange(services, scene.data, {
			entry: spec.entry,
			write: async (tx) =>
				(
					await tx.ticket.updateMany({
						where: { id: ticketId },
						data: {
							status: TicketStatus.Closed,
							closedAt: scene.ticket.closedAt ?? new Date(),
							closedById: actor.userId,
							closeReason: reason,
							scheduledCloseAt: null
						}
					})
				).count === 1,
			lost: closedOnce,
			undo: (tx) => reopened(tx, scene.ticket)
		});
		return {
			ticketId,
			notice: notice(LanguageKeys.Tickets.ForceDeleting),
			afterAnswer: async () => {
				const { channelId } = scene.ticket;
				if (!channelId) return;
				// The history goes with the channel: keep the transcript first.
				await services.transcripts
					.archiveNow(guildId, ticketId)
					.catch((error: unknown) => services.log.error('Could not save the transcript before deleting', { ticketId, error }));
				try {
					await services.channels.delete(guildId, channelId, 'ticket force-closed');
				} catch (error) {
					await committed.revert();
					throw toldUnchanged(error);
				}
			}
		};
	}
);

/**
 * Closes the bot makes on its own: a scheduled close that is due, a close request the opener left
 * unanswered past its deadline, an opener who never answered the inactivity warning, or a ticket whose
 * channel someone deleted in Discord.
 */
export type SystemClose =
	| { kind: 'scheduled'; now: Date }
	| { kind: 'closeRequest'; now: Date }
	| { kind: 'inactivity'; warnedAt: Date; now: Date }
	| { kind: 'channelDeleted' };

interface SystemCloseSpec {
	actorId: string | null;
	reason: string | null;
	details: Record<string, unknown>;
	when: Prisma.TicketWhereInput;
	/** What the ticket reads once closed (the rating prompt follows it). */
	closed: Notice;
}

/** Who a system close names, what it records, when it still applies, and what it says; null when it is not due. */
function systemCloseSpec(services: TicketServices, ticket: TicketRow, how: SystemClose): SystemCloseSpec | null {
	const open = { status: TicketStatus.Open, softDeletedAt: null };
	const rated = (first: Notice) =>
		notice(LanguageKeys.Tickets.TwoLines, { first, second: notice(LanguageKeys.Tickets.RatePrompt) });
	switch (how.kind) {
		case 'scheduled': {
			if (!(ticket.scheduledCloseAt && ticket.scheduledCloseAt <= how.now)) return null;
			const actorId = ticket.scheduledCloseById;
			const reason = ticket.scheduledCloseReason;
			return {
				actorId,
				reason,
				details: { reason, scheduled: true },
				when: { ...open, scheduledCloseAt: { lte: how.now } },
				closed: rated(
					notice(LanguageKeys.Tickets.ScheduledClosed, {
						user: mention(actorId ?? services.channels.botId()),
						reason: shownReason(reason)
					})
				)
			};
		}
		case 'closeRequest': {
			if (!(ticket.closeRequestDueAt && ticket.closeRequestDueAt <= how.now)) return null;
			const actorId = ticket.closeRequestedById;
			const reason = ticket.closeRequestReason;
			return {
				actorId,
				reason,
				details: { reason, closeRequest: 'unanswered' },
				when: { ...open, closeRequestedAt: ticket.closeRequestedAt, closeRequestDueAt: { lte: how.now } },
				closed: rated(
					notice(LanguageKeys.Tickets.CloseRequestExpired, {
						opener: mention(ticket.ownerId),
						user: mention(actorId ?? services.channels.botId()),
						reason: shownReason(reason)
					})
				)
			};
		}
		case 'inactivity':
			return {
				actorId: null,
				reason: 'inactivity',
				details: { reason: 'inactivity' },
				when: { status: TicketStatus.Open, inactivityWarnedAt: how.warnedAt },
				closed: notice(LanguageKeys.Tickets.InactivityClosed)
			};
		case 'channelDeleted':
			return {
				actorId: null,
				reason: 'channel deleted',
				details: { reason: 'channel deleted' },
				when: { status: TicketStatus.Open, channelId: ticket.channelId, purgedAt: null },
				closed: notice(LanguageKeys.Tickets.ChannelDeletedClosed)
			};
	}
}

/**
 * Runs a close the bot decided, safely any number of times and from any process: the database decides
 * whether it still applies (a cancelled or postponed schedule, an answered request, a reply since the
 * warning, a manual close first all make it do nothing: null). What the ticket then shows is returned
 * for the job to post.
 */
export async function closeBySystem(
	services: TicketServices,
	guildId: string,
	ticketId: number,
	how: SystemClose
): Promise<TicketOutcome | null> {
	const scene = await loadTicket(services, guildId, ticketId).catch(() => null);
	if (!scene || scene.ticket.status !== TicketStatus.Open) return null;
	const spec = systemCloseSpec(services, scene.ticket, how);
	if (!spec) return null;
	const lost = notice(LanguageKeys.Tickets.WrongState, { status: statusNotice(TicketStatus.Closed) });
	try {
		await performClose(services, scene, {
			actorId: spec.actorId,
			reason: spec.reason,
			entry: { ticketId, actorId: spec.actorId, action: 'ticket.closed', details: spec.details },
			when: spec.when,
			lost
		});
	} catch (error) {
		// Someone else's close (or a reply) came first: nothing to do.
		if (error instanceof Refusal && error.notice === lost) return null;
		throw error;
	}
	return { ticketId, notice: spec.closed, controls: { kind: 'rating', ticketId } };
}

/**
 * A ticket channel someone deleted in Discord: its open ticket is closed ("channel deleted"), and its
 * transcript is made from the archive. The ticket's number, or null when the channel was no open ticket's
 * (the bot's own deletions come after their close).
 */
export async function closeDeletedChannel(services: TicketServices, guildId: string, channelId: string): Promise<number | null> {
	const row = await services.db
		.forGuild(guildId)
		.db.ticket.findFirst({ where: { channelId, status: TicketStatus.Open }, select: { id: true, number: true } });
	if (!row) return null;
	return (await closeBySystem(services, guildId, row.id, { kind: 'channelDeleted' })) ? row.number : null;
}
