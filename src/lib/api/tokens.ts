import { createHash, randomBytes } from 'node:crypto';
import type { DataStore } from '../database/guildData.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { userWritten } from '../i18n/notice.js';

/** What every token starts with, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'tkb_';
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** Active tokens a guild may hold at once. */
export const MAX_TOKENS = 25;

const NAME = /^[\w.-]{1,32}$/;
const SHAPE = /^tkb_[\w-]{43}$/;
/** lastUsedAt is written at most this often per token, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface ApiTokenInfo {
	id: number;
	guildId: string;
	name: string;
	scope: TokenScope;
	createdById: string;
	createdAt: Date;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
}

type TokenRow = Omit<ApiTokenInfo, 'scope'> & { scope: string };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const info = ({ id, guildId, name, scope, createdById, createdAt, lastUsedAt, revokedAt }: TokenRow): ApiTokenInfo => ({
	id,
	guildId,
	name,
	scope: scope === 'write' ? 'write' : 'read',
	createdById,
	createdAt,
	lastUsedAt,
	revokedAt
});

/**
 * Per-guild API tokens. The caller gets the token once; the database keeps its SHA-256 (a copy of the
 * table lets nobody in), its name, scope and maker. A revoked token keeps its row, for the record.
 */
export class ApiTokenStore {
	public constructor(
		private readonly db: DataStore,
		private readonly now: () => Date = () => new Date()
	) {}

	public async create(
		guildId: string,
		input: { name: string; scope: TokenScope; createdById: string }
	): Promise<{ token: string; info: ApiTokenInfo }> {
		if (!NAME.test(input.name)) refuse(LanguageKeys.Api.BadName);
		const data = this.db.forGuild(guildId);
		const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
		const row = await data.db.$transaction(async (tx) => {
			const active = await tx.apiToken.findMany({ where: { revokedAt: null }, select: { name: true } });
			if (active.some((other) => other.name === input.name))
				refuse(LanguageKeys.Api.NameTaken, { name: userWritten(input.name, 32) });
			if (active.length >= MAX_TOKENS) refuse(LanguageKeys.Api.TooMany, { max: MAX_TOKENS });
			return tx.apiToken.create({
				data: { guildId, name: input.name, scope: input.scope, tokenHash: hashOf(token), createdById: input.createdById }
			});
		});
		return { token, info: info(row) };
	}

	/** The guild's tokens that still work, oldest first. */
	public async list(guildId: string): Promise<ApiTokenInfo[]> {
		const rows = await this.db.forGuild(guildId).db.apiToken.findMany({ where: { revokedAt: null }, orderBy: { id: 'asc' } });
		return rows.map(info);
	}

	/** Revokes the active token of this name; null when there is none. */
	public async revoke(guildId: string, name: string): Promise<ApiTokenInfo | null> {
		const { db } = this.db.forGuild(guildId);
		const row = await db.apiToken.findFirst({ where: { name, revokedAt: null } });
		if (!row) return null;
		const { count } = await db.apiToken.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: this.now() } });
		return count === 1 ? info(row) : null;
	}

	/**
	 * The token a request presents, whatever its guild or state (the caller decides what a revoked token
	 * or one of another guild answers), or null. Found by its hash across guilds: the hash is unique.
	 */
	public async find(token: string): Promise<ApiTokenInfo | null> {
		if (!SHAPE.test(token)) return null;
		const row = await this.db.prisma.apiToken.findUnique({ where: { tokenHash: hashOf(token) } });
		return row ? info(row) : null;
	}

	/** Notes that the token was used (once a minute at most). */
	public async touch(token: ApiTokenInfo): Promise<void> {
		const now = this.now();
		if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
		await this.db.forGuild(token.guildId).db.apiToken.updateMany({ where: { id: token.id }, data: { lastUsedAt: now } });
	}
}
