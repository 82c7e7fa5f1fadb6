import { applyQueuedRename } from '../tickets/rename.js';
import { warnSla } from '../tickets/sla.js';
import { TicketStatus } from '../model/status.js';
import type { SchedulingServices } from './services.js';
import { whenReady } from './ready.js';
import { postOutcome, RETRY_CLOSE_MS, runSystemClose } from './systemClose.js';

/** The due times a ticket's row may hold: what wakes it up. */
export const DUE_TIMES = {
	status: true,
	softDeletedAt: true,
	pendingNameAt: true,
	closeRequestDueAt: true,
	scheduledCloseAt: true,
	firstResponseAt: true,
	slaWarnAt: true,
	slaWarnedAt: true,
	resolutionWarnAt: true,
	resolutionWarnedAt: true
} as const;

interface DueTimes {
	status: string;
	softDeletedAt: Date | null;
	firstResponseAt: Date | null;
	slaWarnAt: Date | null;
	slaWarnedAt: Date | null;
	resolutionWarnAt: Date | null;
	resolutionWarnedAt: Date | null;
	pendingNameAt: Date | null;
	closeRequestDueAt: Date | null;
	scheduledCloseAt: Date | null;
}

/**
 * When the ticket next has work: a queued rename whatever its state; a close request's deadline or a
 * scheduled close while it is open (and not soft-deleted).
 */
export function nextDue(ticket: DueTimes): Date | null {
	const open = ticket.status === TicketStatus.Open && !ticket.softDeletedAt;
	const warnings = [
		ticket.slaWarnedAt || ticket.firstResponseAt ? null : ticket.slaWarnAt,
		ticket.resolutionWarnedAt ? null : ticket.resolutionWarnAt
	];
	const times = [ticket.pendingNameAt, ...(open ? [ticket.closeRequestDueAt, ticket.scheduledCloseAt, ...warnings] : [])];
	const set = times.filter((time): time is Date => time !== null);
	return set.length ? new Date(Math.min(...set.map((time) => time.getTime()))) : null;
}

/**
 * Runs what is due on a ticket, in order: a queued rename, SLA warnings, then an unanswered close
 * request's close, then a scheduled close. Safe to run any number of times, from any process: the database decides (each due
 * time reached, the ticket still open for a close), so each runs once, a cancelled or postponed one does
 * nothing, and a manual close that came first wins. One that Discord refuses changed nothing and is tried
 * again a few minutes later; the ticket's next due time is armed last. True when a close ran.
 */
export async function runDueWork(
	services: SchedulingServices,
	guildId: string,
	ticketId: number,
	now = new Date()
): Promise<boolean> {
	await whenReady(services.client);
	const { ticketServices, logger } = services;
	let failed = false;
	const step = async <T>(what: string, work: () => Promise<T>): Promise<T | null> => {
		try {
			return await work();
		} catch (error) {
			failed = true;
			logger.warn(`${what} failed; trying again later`, { guildId, ticketId, error });
			return null;
		}
	};
	const renamed = await step('A queued rename', () => applyQueuedRename(ticketServices, guildId, ticketId, now));
	if (renamed) await postOutcome(services, guildId, ticketId, renamed);
	// The first response's warning, then the resolution's when both are due.
	for (let warnings = 0; warnings < 2; warnings++) {
		const warned = await step('An SLA warning', () => warnSla(ticketServices, guildId, ticketId, now));
		if (!warned) break;
		await postOutcome(services, guildId, ticketId, warned);
	}
	let closed = await step('A close request’s deadline', () =>
		runSystemClose(services, guildId, ticketId, { kind: 'closeRequest', now })
	);
	if (!closed)
		closed = await step('A scheduled close', () => runSystemClose(services, guildId, ticketId, { kind: 'scheduled', now }));
	const ticket = await ticketServices.db.forGuild(guildId).db.ticket.findUnique({
		where: { id: ticketId },
		select: DUE_TIMES
	});
	const next = ticket ? nextDue(ticket) : null;
	// Still due after its run: it failed, and is tried again a few minutes later.
	if (next)
		await services.ticketScheduler.schedule(guildId, ticketId, next <= now ? new Date(Date.now() + RETRY_CLOSE_MS) : next);
	if (failed) logger.info('Due ticket work will be tried again', { guildId, ticketId, at: next });
	return closed === true;
}
