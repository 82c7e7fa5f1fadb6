import type { Cache } from './Cache.js';
import { MemoryCache } from './MemoryCache.js';

/** How long start-up waits for Redis to answer (it may be restarting too) before it gives up. */
const STARTUP_WAIT_MS = 120_000;
const RETRY_MS = 2_000;

/**
 * Redis when a URL is given, memory otherwise. Start-up waits (up to two minutes) for Redis to answer a
 * PING, so a bot restarted during a Redis outage comes up once Redis does, and a wrong URL still fails.
 */
export async function createCache(
	redisUrl: string | undefined,
	onError?: (error: Error) => void,
	prefix = 'ticketbot',
	waitMs = STARTUP_WAIT_MS
): Promise<Cache> {
	if (!redisUrl) return new MemoryCache();
	const [{ Redis }, { RedisCache }] = await Promise.all([import('ioredis'), import('./RedisCache.js')]);
	const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5_000 });
	// ioredis reconnects by itself; errors are reported, never thrown into the event loop.
	redis.on('error', (error: Error) => onError?.(error));
	const deadline = Date.now() + waitMs;
	for (;;) {
		try {
			if (redis.status === 'wait') await redis.connect();
			await redis.ping();
			break;
		} catch (error) {
			if (Date.now() + RETRY_MS > deadline) {
				redis.disconnect();
				throw new Error(`cannot reach Redis at REDIS_URL: ${(error as Error).message}`);
			}
			await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
		}
	}
	return new RedisCache(redis, `${prefix}:`);
}
