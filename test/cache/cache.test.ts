import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/lib/cache/Cache.js';
import { createCache } from '../../src/lib/cache/createCache.js';
import { MemoryCache } from '../../src/lib/cache/MemoryCache.js';
import { REDIS_URL } from '../helpers/databases.js';

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
	});
}

describe('createCache', () => {
	it('is in memory without REDIS_URL', async () => {
		const cache = await createCache(undefined);
		expect(cache.kind).toBe('memory');
		await cache.close();
	});

	it('fails at start-up, saying so, when Redis cannot be reached', async () => {
		await expect(createCache('redis://127.0.0.1:1')).rejects.toThrow(/cannot reach Redis at REDIS_URL/);
	});

	it('keeps memory values apart from the caller’s object', async () => {
		const cache = new MemoryCache();
		const value = { list: [1] };
		await cache.set('k', value);
		value.list.push(2);
		expect(await cache.get('k')).toEqual({ list: [1] });
		await cache.close();
	});
});
