import type { Cache } from './Cache.js';
import { MemoryCache } from './MemoryCache.js';

/** Redis when a URL is given (checked with a PING so a wrong URL fails at start-up), memory otherwise. */
export async function createCache(
	redisUrl: string | undefined,
	onError?: (error: Error) => void,
	prefix = 'ticketbot'
): Promise<Cache> {
	if (!redisUrl) return new MemoryCache();
	const [{ Redis }, { RedisCache }] = await Promise.all([import('ioredis'), import('./RedisCache.js')]);
	const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5_000 });
	// ioredis reconnects by itself; errors are reported, never thrown into the event loop.
	redis.on('error', (error: Error) => onError?.(error));
	try {
		await redis.connect();
		await redis.ping();
	} catch (error) {
		redis.disconnect();
		throw new Error(`cannot reach Redis at REDIS_URL: ${(error as Error).message}`);
	}
	return new RedisCache(redis, `${prefix}:`);
}
