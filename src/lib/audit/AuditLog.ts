import type { GuildData } from '../database/guildData.js';

export interface AuditEntry {
	actorId: string | null;
	action: string;
	ticketId?: number | null;
	targetId?: string | null;
	details?: Record<string, unknown>;
}

/** Every staff and admin action, and every ticket's timeline, in one table. */
export class AuditLog {
	public async record(data: GuildData, entry: AuditEntry): Promise<void> {
		await data.db.auditEvent.create({
			data: {
				guildId: data.guildId,
				ticketId: entry.ticketId ?? null,
				actorId: entry.actorId,
				action: entry.action,
				targetId: entry.targetId ?? null,
				details: JSON.stringify(entry.details ?? {})
			}
		});
	}
}
