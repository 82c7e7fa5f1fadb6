import type { GuildData } from '../database/guildData.js';

export interface BlacklistEntryView {
	userId: string;
	reason: string;
	expiresAt: Date | null;
}

/** Members who may not open tickets, until an expiry or until removed. */
export class BlacklistService {
	public constructor(private readonly now: () => Date = () => new Date()) {}

	/** Adds or replaces the entry; 0 hours means until removed. */
	public async add(data: GuildData, userId: string, hours: number, reason: string, createdById: string): Promise<void> {
		const expiresAt = hours > 0 ? new Date(this.now().getTime() + hours * 3_600_000) : null;
		await data.db.blacklistEntry.upsert({
			where: { guildId_userId: { guildId: data.guildId, userId } },
			create: { guildId: data.guildId, userId, reason, createdById, expiresAt },
			update: { reason, createdById, expiresAt, createdAt: this.now() }
		});
	}

	/** True when there was an entry to remove. */
	public async remove(data: GuildData, userId: string): Promise<boolean> {
		const { count } = await data.db.blacklistEntry.deleteMany({ where: { userId } });
		return count > 0;
	}

	/** The entry in force for this user, if any; an expired one counts as none. */
	public async active(data: GuildData, userId: string): Promise<BlacklistEntryView | null> {
		const entry = await data.db.blacklistEntry.findUnique({ where: { guildId_userId: { guildId: data.guildId, userId } } });
		if (!entry || (entry.expiresAt && entry.expiresAt <= this.now())) return null;
		return { userId: entry.userId, reason: entry.reason, expiresAt: entry.expiresAt };
	}

	/** Every entry in force, newest first, with who added it. */
	public async list(data: GuildData): Promise<(BlacklistEntryView & { createdById: string; createdAt: Date })[]> {
		const now = this.now();
		const rows = await data.db.blacklistEntry.findMany({
			where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
			orderBy: { createdAt: 'desc' },
			take: 500
		});
		return rows.map(({ userId, reason, expiresAt, createdById, createdAt }) => ({
			userId,
			reason,
			expiresAt,
			createdById,
			createdAt
		}));
	}
}
