import { randomInt } from 'node:crypto';
import type { Cache } from '../cache/Cache.js';

// No 0/O, 1/I/L, 5/S, 2/Z: easy to read, hard to mistype.
const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';
const LENGTH = 5;
const CHALLENGE_MS = 5 * 60_000;
const PASS_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 3;

interface Challenge {
	code: string;
	attempts: number;
}

export type CaptchaResult = { kind: 'solved' } | { kind: 'wrong'; attemptsLeft: number } | { kind: 'expired' };

/**
 * The captcha a category may ask for before a ticket: a code shown as an image, typed back into a form.
 * Challenges and passes live in the cache (Redis when configured), bound to guild, member and category.
 */
export class CaptchaService {
	public constructor(private readonly cache: Cache) {}

	public async issue(guildId: string, userId: string, categoryId: number): Promise<string> {
		const code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
		await this.cache.set(challengeKey(guildId, userId, categoryId), { code, attempts: 0 } satisfies Challenge, CHALLENGE_MS);
		return code;
	}

	public async verify(guildId: string, userId: string, categoryId: number, answer: string): Promise<CaptchaResult> {
		const key = challengeKey(guildId, userId, categoryId);
		const challenge = await this.cache.get<Challenge>(key);
		if (!challenge) return { kind: 'expired' };
		if (answer.trim().toUpperCase().replace(/\s+/g, '') === challenge.code) {
			await this.cache.delete(key);
			await this.cache.set(passKey(guildId, userId, categoryId), true, PASS_MS);
			return { kind: 'solved' };
		}
		const attempts = challenge.attempts + 1;
		if (attempts >= MAX_ATTEMPTS) {
			await this.cache.delete(key);
			return { kind: 'expired' };
		}
		const ttl = (await this.cache.ttl(key)) ?? CHALLENGE_MS;
		await this.cache.set(key, { ...challenge, attempts } satisfies Challenge, ttl);
		return { kind: 'wrong', attemptsLeft: MAX_ATTEMPTS - attempts };
	}

	public async passed(guildId: string, userId: string, categoryId: number): Promise<boolean> {
		return (await this.cache.get<boolean>(passKey(guildId, userId, categoryId))) === true;
	}

	/** A pass opens one ticket. */
	public async consume(guildId: string, userId: string, categoryId: number): Promise<void> {
		await this.cache.delete(passKey(guildId, userId, categoryId));
	}
}

export const challengeKey = (guildId: string, userId: string, categoryId: number) => `captcha:${guildId}:${userId}:${categoryId}`;
const passKey = (guildId: string, userId: string, categoryId: number) => `captcha-pass:${guildId}:${userId}:${categoryId}`;
