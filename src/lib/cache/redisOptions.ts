import type { RedisOptions } from 'ioredis';

/** ioredis options from a redis:// or rediss:// URL, for BullMQ's connection. */
export function redisOptionsFromUrl(url: string): RedisOptions {
	const parsed = new URL(url);
	const db = Number(parsed.pathname.slice(1) || 0);
	return {
		host: parsed.hostname,
		port: Number(parsed.port || 6379),
		username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
		password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
		db: Number.isInteger(db) ? db : 0,
		tls: parsed.protocol === 'rediss:' ? {} : undefined,
		// BullMQ workers block on Redis; they must not give up on a slow reply.
		maxRetriesPerRequest: null
	};
}
