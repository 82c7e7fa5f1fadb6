import type { RoleCheck } from '../access/roles.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { Cache } from '../cache/Cache.js';
import type { BotConfig } from '../config/schema.js';
import type { DataStore } from '../database/guildData.js';
import type { TicketChannels } from './channels.js';

/** Wakes a ticket up when work on it is due (timers in one process, BullMQ jobs with Redis); the database holds every due time. */
export interface TicketTimer {
	schedule(guildId: string, ticketId: number, at: Date): Promise<void>;
}

/** Writes a closed ticket's transcript in the background; one the bot could not write is written at start-up. */
export interface TranscriptQueue {
	queueArchive(guildId: string, ticketId: number): void;
	/** Writes it now (before the channel that holds the history is deleted). */
	archiveNow(guildId: string, ticketId: number): Promise<void>;
}

export interface ServiceLog {
	info(message: string, fields?: object): void;
	warn(message: string, fields?: object): void;
	error(message: string, fields?: object): void;
}

/** What the ticket use cases work with: no Discord piece, only ports a surface, a job or a test provides. */
export interface TicketServices {
	readonly db: DataStore;
	readonly config: BotConfig;
	readonly cache: Cache;
	readonly audit: AuditLog;
	readonly roles: RoleCheck;
	readonly channels: TicketChannels;
	readonly timer: TicketTimer;
	readonly transcripts: TranscriptQueue;
	readonly log: ServiceLog;
}
