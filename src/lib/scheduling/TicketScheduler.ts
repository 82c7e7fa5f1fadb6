import type { ScheduledTaskHandler } from '@sapphire/plugin-scheduled-tasks';
import { TicketStatus } from '../model/status.js';
import { repairInterruptedWork } from './repairs.js';
import { sweepInactiveTickets } from './inactivity.js';
import { whenReady } from './ready.js';
import { DUE_TIMES, nextDue, runDueWork } from './dueWork.js';
import type { SchedulingServices } from './services.js';

/** How often open tickets are checked for inactivity. */
export const INACTIVITY_SWEEP_MS = 5 * 60_000;

/**
 * Runs the ticket work already due (queued renames, close requests' deadlines, scheduled closes):
 * whatever became of its timer or job (a process killed while running it, a Redis that restarted empty),
 * the database says it is due, so it runs now, once.
 */
async function runOverdueWork(services: SchedulingServices): Promise<void> {
	const now = new Date();
	for (const ticket of await pendingWakeUps(services))
		if (ticket.at <= now) await runDueWork(services, ticket.guildId, ticket.id, now);
}

/** Overdue ticket work, the inactivity rule, then the repair of creations and changes a stopped process left half-done. */
export async function sweep(services: SchedulingServices): Promise<void> {
	await whenReady(services.client);
	await services.work
		.run(() => runOverdueWork(services))
		.catch((error: unknown) => services.logger.error('Could not run the overdue ticket work', { error }));
	await services.work
		.run(() => sweepInactiveTickets(services))
		.catch((error: unknown) => services.logger.error('Inactivity sweep failed', { error }));
	await services.work
		.run(() => repairInterruptedWork(services))
		.catch((error: unknown) => services.logger.error('Could not repair interrupted ticket work', { error }));
}

/**
 * Wakes tickets up when work on them is due (a queued rename, a close request's deadline, a scheduled
 * close: see dueWork.ts), and runs the inactivity rule every few minutes. The database holds every due
 * time; a scheduler only wakes the runner up. On start (once the guilds are known) it catches up on
 * everything overdue and arms the rest, so a restart loses nothing; it runs the work with the services it
 * was started with.
 */
export interface TicketScheduler {
	schedule(guildId: string, ticketId: number, at: Date): Promise<void>;
	start(services: SchedulingServices): Promise<void>;
	stop(): Promise<void>;
}

/** Tickets with work due some time, and when next, in the guilds this process serves. */
async function pendingWakeUps({
	ticketServices,
	client
}: SchedulingServices): Promise<{ guildId: string; id: number; at: Date }[]> {
	// A system-wide sweep, not a guild's data: it reads across guilds and filters to this shard's.
	const open = { status: TicketStatus.Open, softDeletedAt: null };
	const rows = await ticketServices.db.prisma.ticket.findMany({
		where: {
			OR: [
				{ pendingNameAt: { not: null } },
				{ ...open, closeRequestDueAt: { not: null } },
				{ ...open, scheduledCloseAt: { not: null } },
				{ ...open, slaWarnAt: { not: null }, slaWarnedAt: null, firstResponseAt: null },
				{ ...open, resolutionWarnAt: { not: null }, resolutionWarnedAt: null }
			]
		},
		select: { guildId: true, id: true, ...DUE_TIMES }
	});
	return rows.flatMap((row) => {
		const at = nextDue(row);
		return at && client.guilds.cache.has(row.guildId) ? [{ guildId: row.guildId, id: row.id, at }] : [];
	});
}

const MAX_TIMER_MS = 2_147_000_000;

/** Without Redis: timers in this process. */
export class InProcessTicketScheduler implements TicketScheduler {
	readonly #timers = new Map<string, NodeJS.Timeout>();
	#sweeper: NodeJS.Timeout | undefined;
	#services: SchedulingServices | undefined;

	/**
	 * One timer per ticket and due time, as BullMQ keeps one job: a ticket may have several due times (a
	 * queued rename before its scheduled close), and one that no longer holds wakes it up for nothing.
	 */
	public async schedule(guildId: string, ticketId: number, at: Date): Promise<void> {
		const key = `${ticketId}@${at.getTime()}`;
		if (this.#timers.has(key)) return;
		const delay = Math.max(0, at.getTime() - Date.now());
		const timer = setTimeout(
			() => {
				this.#timers.delete(key);
				if (delay > MAX_TIMER_MS) void this.schedule(guildId, ticketId, at);
				else void this.#run(guildId, ticketId);
			},
			Math.min(delay, MAX_TIMER_MS)
		);
		this.#timers.set(key, timer);
	}

	public async start(services: SchedulingServices): Promise<void> {
		this.#services = services;
		// The overdue ones run in the sweep below; the others are armed.
		for (const ticket of await pendingWakeUps(services))
			if (ticket.at > new Date()) await this.schedule(ticket.guildId, ticket.id, ticket.at);
		// The sweep's repairs may wait on Discord: start-up goes on meanwhile (the sweep is tracked work).
		void sweep(services);
		this.#sweeper = setInterval(() => void sweep(services), INACTIVITY_SWEEP_MS);
	}

	public async stop(): Promise<void> {
		clearInterval(this.#sweeper);
		for (const timer of this.#timers.values()) clearTimeout(timer);
		this.#timers.clear();
	}

	async #run(guildId: string, ticketId: number): Promise<void> {
		const services = this.#services;
		// Armed before start (nothing does that): the close stays due in the database and runs at the next start.
		if (!services) return;
		await services.work
			.run(() => runDueWork(services, guildId, ticketId))
			.catch((error: unknown) => services.logger.error('Due ticket work failed', { guildId, ticketId, error }));
	}
}

/** With Redis: delayed BullMQ jobs (Sapphire scheduled tasks), shared by every bot process. */
export class BullTicketScheduler implements TicketScheduler {
	#tasks: ScheduledTaskHandler | undefined;

	public async schedule(guildId: string, ticketId: number, at: Date): Promise<void> {
		if (!this.#tasks) throw new Error('The ticket scheduler is not started: the scheduled-tasks plugin is not registered');
		await this.#tasks.create(
			{ name: 'ticketClose', payload: { guildId, ticketId } },
			// One job per ticket and due time: arming the same due time twice does not run it twice.
			{
				repeated: false,
				delay: Math.max(0, at.getTime() - Date.now()),
				customJobOptions: { jobId: `ticket-close-${ticketId}-${at.getTime()}`, removeOnComplete: true, removeOnFail: 100 }
			}
		);
	}

	public async start(services: SchedulingServices): Promise<void> {
		this.#tasks = services.tasks;
		await this.#arm(services);
		// Redis back after an outage may have lost every job (a restart keeps nothing without persistence):
		// they are armed again from the database, which holds every due time.
		services.ticketServices.cache.onReconnect(() => {
			void this.#arm(services).then(
				() => services.logger.info("Redis is back: the tickets' due work and the sweep armed again from the database"),
				(error: unknown) => services.logger.error("Could not arm the tickets' due work again after Redis came back", { error })
			);
		});
	}

	async #arm(services: SchedulingServices): Promise<void> {
		// The overdue ones run in the sweep below (their job may be lost or stuck); the others are armed.
		for (const ticket of await pendingWakeUps(services))
			if (ticket.at > new Date()) await this.schedule(ticket.guildId, ticket.id, ticket.at);
		// The sweep's repairs may wait on Discord: start-up goes on meanwhile (the sweep is tracked work).
		void sweep(services);
		// A repeatable job: however many processes start, BullMQ keeps one and runs it in one of them.
		await this.#tasks!.create('inactivitySweep', { repeated: true, interval: INACTIVITY_SWEEP_MS });
	}

	/** Closes the plugin's BullMQ queue and worker: no job starts once the bot is stopping. */
	public async stop(): Promise<void> {
		await this.#tasks?.close();
	}
}
