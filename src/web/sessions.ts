import { createHash, randomBytes } from 'node:crypto';
import type { DataStore } from '../lib/database/guildData.js';
import { readList } from '../lib/database/json.js';

/** How long a dashboard login lasts without logging in again. */
export const SESSION_TTL_MS = 7 * 24 * 3_600_000;

export interface WebSession {
	userId: string;
	username: string;
	/** The guilds Discord listed for the user at login. */
	guildIds: string[];
	expiresAt: Date;
}

const keyOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Dashboard logins in the database. The browser holds a random token; the row is keyed by its hash, a
 * login always makes a new one (a token set before login is never promoted), and logging out deletes
 * the row, so the token is worth nothing anywhere.
 */
export class SessionStore {
	public constructor(
		private readonly db: DataStore,
		private readonly now: () => Date = () => new Date()
	) {}

	public async create(user: { id: string; username: string }, guildIds: readonly string[]): Promise<string> {
		const token = randomBytes(32).toString('base64url');
		await this.db.prisma.webSession.create({
			data: {
				id: keyOf(token),
				userId: user.id,
				username: user.username,
				guildIds: JSON.stringify(guildIds),
				expiresAt: new Date(this.now().getTime() + SESSION_TTL_MS)
			}
		});
		return token;
	}

	public async read(token: string | undefined): Promise<WebSession | null> {
		if (!token) return null;
		const row = await this.db.prisma.webSession.findUnique({ where: { id: keyOf(token) } });
		if (!row) return null;
		if (row.expiresAt <= this.now()) {
			await this.end(token);
			return null;
		}
		return { userId: row.userId, username: row.username, guildIds: readList(row.guildIds), expiresAt: row.expiresAt };
	}

	public async end(token: string): Promise<void> {
		await this.db.prisma.webSession.deleteMany({ where: { id: keyOf(token) } });
	}

	/** Expired logins, removed now and then. */
	public async sweep(): Promise<number> {
		const { count } = await this.db.prisma.webSession.deleteMany({ where: { expiresAt: { lte: this.now() } } });
		return count;
	}
}
