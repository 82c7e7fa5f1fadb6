import type { ScheduledTaskHandler } from '@sapphire/plugin-scheduled-tasks';
import type { Client } from 'discord.js';
import type { WorkTracker } from '../lifecycle/WorkTracker.js';
import type { TicketTimer, ServiceLog, TicketServices } from '../tickets/services.js';

/**
 * What scheduled and inactivity closes run with: the ticket services, the tracked work shutdown waits
 * for, the log, this process's Discord client (its guilds are the ones it sweeps) and the close timer
 * that arms a retry. A piece's container holds them under these names.
 */
export interface SchedulingServices {
	readonly ticketServices: TicketServices;
	readonly ticketScheduler: TicketTimer;
	readonly work: WorkTracker;
	readonly logger: ServiceLog;
	readonly client: Client;
	/** The BullMQ jobs of the scheduled-tasks plugin (registered with Redis only). */
	readonly tasks?: ScheduledTaskHandler;
}
