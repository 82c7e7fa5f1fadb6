import { createHash, randomBytes } from 'node:crypto';
import type { Cache } from '../lib/cache/Cache.js';
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

/** Where logins are kept, by the hash of their token. */
interface SessionBackend {
	readonly kind: 'database' | 'redis';
	put(key: string, session: WebSession): Promise<void>;
	get(key: string): Promise<WebSession | null>;
	remove(key: string): Promise<void>;
	/** Removes the expired ones (Redis expires its own); how many went. */
	sweep(now: Date): Promise<number>;
}

function databaseSessions(db: DataStore): SessionBackend {
	return {
		kind: 'database',
		async put(id, session) {
			await db.prisma.webSession.create({ data: { id, ...session, guildIds: JSON.stringify(session.guildIds) } });
		},
		async get(id) {
			const row = await db.prisma.webSession.findUnique({ where: { id } });
			return row && { userId: row.userId, username: row.username, guildIds: readList(row.guildIds), expiresAt: row.expiresAt };
		},
		async remove(id) {
			await db.prisma.webSession.deleteMany({ where: { id } });
		},
		async sweep(now) {
			return (await db.prisma.webSession.deleteMany({ where: { expiresAt: { lte: now } } })).count;
		}
	};
}

type StoredSession = Omit<WebSession, 'expiresAt'> & { expiresAt: string };

function redisSessions(cache: Cache): SessionBackend {
	const key = (id: string) => `web-session:${id}`;
	return {
		kind: 'redis',
		async put(id, session) {
			const ttl = Math.max(1, session.expiresAt.getTime() - Date.now());
			await cache.set(key(id), { ...session, expiresAt: session.expiresAt.toISOString() } satisfies StoredSession, ttl);
		},
		async get(id) {
			const stored = await cache.get<StoredSession>(key(id));
			return stored ? { ...stored, expiresAt: new Date(stored.expiresAt) } : null;
		},
		remove: (id) => cache.delete(key(id)),
		sweep: async () => 0
	};
}

const keyOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Dashboard logins: in Redis when the bot has it (every process reads them, and they expire there), else
 * in the database. The browser holds a random token; a login is kept by its hash, a login always makes a
 * new one (a token set before login is never promoted), and logging out removes it, so the token is
 * worth nothing anywhere.
 */
export class SessionStore {
	private readonly backend: SessionBackend;

	public constructor(
		store: { db: DataStore; cache?: Cache },
		private readonly now: () => Date = () => new Date()
	) {
		this.backend = store.cache?.kind === 'redis' ? redisSessions(store.cache) : databaseSessions(store.db);
	}

	public get kind(): 'database' | 'redis' {
		return this.backend.kind;
	}

	public async create(user: { id: string; username: string }, guildIds: readonly string[]): Promise<string> {
		const token = randomBytes(32).toString('base64url');
		// Logins are rare: each clears the expired ones left behind by browsers that never came back.
		await this.sweep();
		await this.backend.put(keyOf(token), {
			userId: user.id,
			username: user.username,
			guildIds: [...guildIds],
			expiresAt: new Date(this.now().getTime() + SESSION_TTL_MS)
		});
		return token;
	}

	public async read(token: string | undefined): Promise<WebSession | null> {
		if (!token) return null;
		const session = await this.backend.get(keyOf(token));
		if (!session) return null;
		if (session.expiresAt <= this.now()) {
			await this.end(token);
			return null;
		}
		return session;
	}

	public async end(token: string): Promise<void> {
		await this.backend.remove(keyOf(token));
	}

	/** Expired logins, removed now and then. */
	public sweep(): Promise<number> {
		return this.backend.sweep(this.now());
	}
}
