import type { GuildData } from '../database/guildData.js';
import type { AuditAction } from '../model/auditActions.js';
import { eventOf } from '../model/webhookEvents.js';

export interface AuditEntry {
	actorId: string | null;
	action: AuditAction;
	ticketId?: number | null;
	targetId?: string | null;
	details?: Record<string, unknown>;
	/** The surface the actor used when it was not Discord (the dashboard, the API): kept in the details. */
	via?: 'web' | 'api';
}

/** Who an entry is by, and through which surface (entryAuthor(actor) gives it for an actor). */
export type AuditAuthor = Pick<AuditEntry, 'actorId' | 'via'>;

/**
 * Told of every entry once it is stored (the guild's log channel; the webhook outbox, which reads what it
 * sends from the stored entry). Never awaited by the action itself.
 */
export type AuditListener = (guildId: string, entry: AuditEntry) => void;

/** Every staff and admin action, and every ticket's timeline, in one table. */
export class AuditLog {
	public constructor(private readonly listener: AuditListener = () => undefined) {}

	public async record(data: GuildData, entry: AuditEntry): Promise<void> {
		await data.db.auditEvent.create({ data: auditRow(data.guildId, entry) });
		this.published(data, entry);
	}

	/** Passes a stored entry on to the listener. */
	public published(data: GuildData, entry: AuditEntry): void {
		this.listener(data.guildId, entry);
	}
}

/** Whether webhooks hear of the entry: a ticket event. */
export const forWebhooks = (entry: AuditEntry) => entry.ticketId != null && eventOf(entry.action) !== null;

/**
 * The stored form of an entry, for a transaction that writes it with the change it describes (then call
 * published()). A ticket event is due to the webhook outbox at `webhookDueAt` (now by default).
 */
export function auditRow(guildId: string, entry: AuditEntry, webhookDueAt = new Date()) {
	return {
		guildId,
		ticketId: entry.ticketId ?? null,
		actorId: entry.actorId,
		action: entry.action,
		targetId: entry.targetId ?? null,
		details: JSON.stringify(entry.via ? { ...entry.details, via: entry.via } : (entry.details ?? {})),
		webhookDueAt: forWebhooks(entry) ? webhookDueAt : null
	};
}
