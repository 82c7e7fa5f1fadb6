import type { Prisma } from '../../generated/sqlite/client.js';
import type { Database } from './client.js';
import { scopeToGuild, type GuildDatabase } from './guildScope.js';
import { matchingTicketIds, searchWords, type SearchMatches } from './ticketSearch.js';
import type { DatabaseProvider } from './url.js';

type SettingsChanges = Omit<Prisma.GuildSettingsUncheckedCreateInput, 'guildId' | 'createdAt' | 'updatedAt'>;

/**
 * The data-access entry point: `forGuild(id)` is the only way the bot reads or writes guild data.
 * Domain services (src/lib/tickets, panels …) take a GuildData and never see the unscoped client.
 */
export class GuildData {
	public readonly db: GuildDatabase;

	public constructor(
		private readonly prisma: Database,
		private readonly provider: DatabaseProvider,
		public readonly guildId: string,
		private readonly reading: Map<string, Promise<unknown>> = new Map()
	) {
		this.db = scopeToGuild(prisma, guildId);
	}

	/**
	 * A read of this guild's that callers asking at the same moment share (a page's navigation and its list
	 * both ask for the guild's roles): nothing is kept once it is done, so no one reads a stale answer.
	 */
	public shared<T>(name: string, read: () => Promise<T>): Promise<T> {
		const key = `${this.guildId}:${name}`;
		const running = this.reading.get(key) as Promise<T> | undefined;
		if (running) return running;
		const started = read().finally(() => this.reading.delete(key));
		this.reading.set(key, started);
		return started;
	}

	/**
	 * The IDs of this guild's tickets with a message, or answers, that hold every word of the text (newest
	 * first), of those the member opened or owns when one is named.
	 */
	public searchTickets(text: string, memberId?: string): Promise<SearchMatches> {
		return matchingTicketIds(this.prisma, this.provider, this.guildId, searchWords(text), memberId);
	}

	/** The guild's settings row, created with defaults on first use (a read on every later call). */
	public async settings() {
		const where = { guildId: this.guildId };
		const existing = await this.db.guildSettings.findUnique({ where });
		if (existing) return existing;
		// Two first reads at once both find none: the one whose insert loses reads the winner's row.
		return this.db.guildSettings.upsert({ where, create: where, update: {} }).catch(async (error: unknown) => {
			if ((error as { code?: string }).code !== 'P2002') throw error;
			return this.db.guildSettings.findUniqueOrThrow({ where });
		});
	}

	public updateSettings(data: SettingsChanges) {
		return this.db.guildSettings.upsert({
			where: { guildId: this.guildId },
			create: { ...data, guildId: this.guildId },
			update: data
		});
	}

	/** Hands out the guild's next ticket number; the increment is one atomic statement. */
	public async nextTicketNumber(): Promise<number> {
		const counter = await this.db.ticketCounter.upsert({
			where: { guildId: this.guildId },
			create: { guildId: this.guildId, value: 1 },
			update: { value: { increment: 1 } }
		});
		return counter.value;
	}
}

/** Creates GuildData views over one client. */
export class DataStore {
	/** The reads under way, shared by every GuildData of this client. */
	readonly #reading = new Map<string, Promise<unknown>>();

	public constructor(
		public readonly prisma: Database,
		public readonly provider: DatabaseProvider
	) {}

	public forGuild(guildId: string): GuildData {
		return new GuildData(this.prisma, this.provider, guildId, this.#reading);
	}
}
