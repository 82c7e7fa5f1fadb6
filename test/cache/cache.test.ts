import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/lib/cache/Cache.js';
import { createCache } from '../../src/lib/cache/createCache.js';
import { MemoryCache } from '../../src/lib/cache/MemoryCache.js';
import { REDIS_URL } from '../helpers/databases.js';
import { freePort, startRedis } from '../helpers/redisServer.js';

const implementations: [string, () => Promise<Cache>][] = [['memory', async () => new MemoryCache()]];
if (REDIS_URL) implementations.push(['redis', () => createCache(REDIS_URL)]);

for (const [kind, make] of implementations) {
	describe(`${kind} cache`, () => {
		const opened: Cache[] = [];
		const open = async () => {
			const cache = await make();
			opened.push(cache);
			return cache;
		};
		// Each test uses its own keys, so runs against a shared Redis never see each other.
		const key = (name: string) => `test:${randomBytes(6).toString('hex')}:${name}`;
		afterAll(async () => {
			for (const cache of opened) await cache.close();
		});

		it('stores JSON values, with and without expiry', async () => {
			const cache = await open();
			expect(cache.kind).toBe(kind);
			const k = key('value');
			expect(await cache.get(k)).toBeUndefined();
			await cache.set(k, { locale: 'fr', roles: ['1', '2'] });
			expect(await cache.get(k)).toEqual({ locale: 'fr', roles: ['1', '2'] });
			expect(await cache.ttl(k)).toBeUndefined();
			await cache.set(k, 7, 60_000);
			expect(await cache.ttl(k)).toBeGreaterThan(50_000);
			await cache.delete(k);
			expect(await cache.get(k)).toBeUndefined();
		});

		it('forgets a value when its time is up', async () => {
			const cache = await open();
			const k = key('expiring');
			await cache.set(k, 'soon gone', 30);
			await new Promise((resolve) => setTimeout(resolve, 80));
			expect(await cache.get(k)).toBeUndefined();
		});

		it('grants setIfAbsent to exactly one of many concurrent callers', async () => {
			const cache = await open();
			const k = key('lock');
			const results = await Promise.all(Array.from({ length: 25 }, (_, i) => cache.setIfAbsent(k, i, 10_000)));
			expect(results.filter(Boolean)).toHaveLength(1);
		});

		it('counts within a window that starts at the first increment', async () => {
			const cache = await open();
			const k = key('counter');
			const counts = await Promise.all(Array.from({ length: 30 }, () => cache.increment(k, 100)));
			expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
			await new Promise((resolve) => setTimeout(resolve, 150));
			expect(await cache.increment(k, 100)).toBe(1);
		});

		it('grants exactly the limit of slots to concurrent callers, and frees each one a window after it was taken', async () => {
			const cache = await open();
			const k = key('slots');
			const waits = await Promise.all(Array.from({ length: 8 }, () => cache.takeSlot(k, 5, 300)));
			expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
			for (const wait of waits.filter((wait) => wait > 0)) expect(wait).toBeLessThanOrEqual(300);
			const wait = await cache.takeSlot(k, 5, 300);
			expect(wait).toBeGreaterThan(0);
			await new Promise((resolve) => setTimeout(resolve, wait + 20));
			expect(await cache.takeSlot(k, 5, 300)).toBe(0);
			// Another key has slots of its own.
			expect(await cache.takeSlot(key('other'), 5, 300)).toBe(0);
		});
	});
}

describe('takeSlot on memory', () => {
	it('slides: a slot frees exactly windowMs after it was taken, not at a fixed boundary', async () => {
		let now = 1_000;
		const cache = new MemoryCache(() => now);
		expect(await cache.takeSlot('k', 2, 1_000)).toBe(0);
		now = 1_900;
		expect(await cache.takeSlot('k', 2, 1_000)).toBe(0);
		now = 1_950;
		expect(await cache.takeSlot('k', 2, 1_000)).toBe(50);
		now = 2_000;
		expect(await cache.takeSlot('k', 2, 1_000)).toBe(0);
		// The slot taken at 1 900 still counts until 2 900.
		now = 2_899;
		expect(await cache.takeSlot('k', 2, 1_000)).toBe(1);
		await cache.close();
	});
});

describe('takeSlot on two Redis connections', () => {
	it.skipIf(!REDIS_URL)('shares one window between processes', async () => {
		const [a, b] = await Promise.all([createCache(REDIS_URL), createCache(REDIS_URL)]);
		try {
			const k = `test:${randomBytes(6).toString('hex')}:shared`;
			const waits = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).takeSlot(k, 4, 10_000)));
			expect(waits.filter((wait) => wait === 0)).toHaveLength(4);
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});
});

describe('createCache', () => {
	it('is in memory without REDIS_URL', async () => {
		const cache = await createCache(undefined);
		expect(cache.kind).toBe('memory');
		await cache.close();
	});

	it('fails at start-up, saying so, when Redis cannot be reached in time', async () => {
		await expect(createCache('redis://127.0.0.1:1', undefined, 'test', 2_500)).rejects.toThrow(/cannot reach Redis at REDIS_URL/);
	});

	it('waits at start-up for a Redis that comes up a moment later (both restarting)', async () => {
		const port = await freePort();
		const starting = createCache(`redis://127.0.0.1:${port}`, () => undefined, `test-${randomBytes(4).toString('hex')}`, 30_000);
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		const redis = await startRedis(port);
		try {
			const cache = await starting;
			expect(cache.kind).toBe('redis');
			await cache.set('k', 1);
			expect(await cache.get('k')).toBe(1);
			await cache.close();
		} finally {
			await redis.stop();
		}
	}, 40_000);

	it('keeps memory values apart from the caller’s object', async () => {
		const cache = new MemoryCache();
		const value = { list: [1] };
		await cache.set('k', value);
		value.list.push(2);
		expect(await cache.get('k')).toEqual({ list: [1] });
		await cache.close();
	});
});
