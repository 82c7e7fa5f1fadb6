import { container } from '@sapphire/framework';
import { TicketStatus } from '../model/status.js';
import { sweepInactiveTickets } from './inactivity.js';
import { runScheduledClose } from './scheduledClose.js';

/** How often open tickets are checked for inactivity. */
export const INACTIVITY_SWEEP_MS = 5 * 60_000;

async function sweep(): Promise<void> {
	await container.work
		.run(() => sweepInactiveTickets())
		.catch((error: unknown) => container.logger.error('Inactivity sweep failed', { error }));
}

/**
 * Runs scheduled closes at their time, and the inactivity rule every few minutes. The database holds every due time; a scheduler only wakes the
 * runner up. On start it catches up on everything overdue and arms the rest, so a restart loses nothing.
 */
export interface CloseScheduler {
	schedule(guildId: string, ticketId: number, at: Date): Promise<void>;
	start(): Promise<void>;
	stop(): Promise<void>;
}

/** Tickets with a close due, in the guilds this process serves. */
async function pendingCloses(): Promise<{ guildId: string; id: number; scheduledCloseAt: Date }[]> {
	// A system-wide sweep, not a guild's data: it reads across guilds and filters to this shard's.
	const rows = await container.db.prisma.ticket.findMany({
		where: { status: TicketStatus.Open, scheduledCloseAt: { not: null }, softDeletedAt: null },
		select: { guildId: true, id: true, scheduledCloseAt: true }
	});
	return rows.filter((row) => container.client.guilds.cache.has(row.guildId)) as {
		guildId: string;
		id: number;
		scheduledCloseAt: Date;
	}[];
}

const MAX_TIMER_MS = 2_147_000_000;

/** Without Redis: timers in this process. */
export class InProcessCloseScheduler implements CloseScheduler {
	readonly #timers = new Map<number, NodeJS.Timeout>();
	#sweeper: NodeJS.Timeout | undefined;

	public async schedule(guildId: string, ticketId: number, at: Date): Promise<void> {
		clearTimeout(this.#timers.get(ticketId));
		const delay = Math.max(0, at.getTime() - Date.now());
		const timer = setTimeout(
			() => {
				this.#timers.delete(ticketId);
				if (delay > MAX_TIMER_MS) void this.schedule(guildId, ticketId, at);
				else void this.#run(guildId, ticketId);
			},
			Math.min(delay, MAX_TIMER_MS)
		);
		this.#timers.set(ticketId, timer);
	}

	public async start(): Promise<void> {
		for (const ticket of await pendingCloses()) await this.schedule(ticket.guildId, ticket.id, ticket.scheduledCloseAt);
		await sweep();
		this.#sweeper = setInterval(() => void sweep(), INACTIVITY_SWEEP_MS);
	}

	public async stop(): Promise<void> {
		clearInterval(this.#sweeper);
		for (const timer of this.#timers.values()) clearTimeout(timer);
		this.#timers.clear();
	}

	async #run(guildId: string, ticketId: number): Promise<void> {
		await container.work
			.run(() => runScheduledClose(guildId, ticketId))
			.catch((error: unknown) => container.logger.error('Scheduled close failed', { guildId, ticketId, error }));
	}
}

/** With Redis: delayed BullMQ jobs (Sapphire scheduled tasks), shared by every bot process. */
export class BullCloseScheduler implements CloseScheduler {
	public async schedule(guildId: string, ticketId: number, at: Date): Promise<void> {
		await container.tasks.create(
			{ name: 'ticketClose', payload: { guildId, ticketId } },
			// One job per ticket and due time: scheduling the same close twice does not run it twice.
			{
				repeated: false,
				delay: Math.max(0, at.getTime() - Date.now()),
				customJobOptions: { jobId: `ticket-close-${ticketId}-${at.getTime()}`, removeOnComplete: true, removeOnFail: 100 }
			}
		);
	}

	public async start(): Promise<void> {
		for (const ticket of await pendingCloses()) await this.schedule(ticket.guildId, ticket.id, ticket.scheduledCloseAt);
		await sweep();
		// A repeatable job: however many processes start, BullMQ keeps one and runs it in one of them.
		await container.tasks.create('inactivitySweep', { repeated: true, interval: INACTIVITY_SWEEP_MS });
	}

	public async stop(): Promise<void> {}
}
