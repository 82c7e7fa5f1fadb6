import type { GuildData } from '../database/guildData.js';
import type { SecurityEventType } from '../model/securityEvents.js';

export interface SecurityEventEntry {
	type: SecurityEventType;
	/** Who it is about: the spammer, or the admin who locked down. */
	userId?: string | null;
	channelId?: string | null;
	details?: Record<string, unknown>;
}

/** Told of every stored event (the guild's incident webhook). Never awaited by the detector itself. */
export type SecurityListener = (guildId: string, entry: SecurityEventEntry, at: Date) => void;

/** Security events: stored per guild for /security status and events, and passed on as incidents. */
export class SecurityLog {
	public constructor(private readonly listener: SecurityListener = () => undefined) {}

	public async record(data: GuildData, entry: SecurityEventEntry): Promise<void> {
		const row = await data.db.securityEvent.create({
			data: {
				guildId: data.guildId,
				type: entry.type,
				userId: entry.userId ?? null,
				channelId: entry.channelId ?? null,
				details: JSON.stringify(entry.details ?? {})
			}
		});
		this.listener(data.guildId, entry, row.createdAt);
	}
}
