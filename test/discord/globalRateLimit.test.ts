import { describe, expect, it } from 'vitest';
import type { Cache } from '../../src/lib/cache/Cache.js';
import { MemoryCache } from '../../src/lib/cache/MemoryCache.js';
import { globallyLimited } from '../../src/lib/discord/globalRateLimit.js';

const BOT = { headers: { Authorization: 'Bot token', 'Content-Type': 'application/json' } };
const INTERACTION = { headers: { 'Content-Type': 'application/json' } };

/** A stand-in for the HTTP call that notes when and what was sent. */
function recorder() {
	const sent: { url: string; at: number }[] = [];
	const makeRequest = async (url: string) => {
		sent.push({ url, at: Date.now() });
		return new Response(null, { status: 204 });
	};
	return { sent, makeRequest };
}

describe('the shared global request limit', () => {
	it('lets no more than the cap through in any second, and sends interaction replies at once', async () => {
		const cache = new MemoryCache();
		const { sent, makeRequest } = recorder();
		const request = globallyLimited({ cache, perSecond: 4, timeoutMs: 15_000, makeRequest: makeRequest as never });
		const started = Date.now();
		await Promise.all([
			...Array.from({ length: 10 }, (_, i) => request(`https://discord.test/api/v10/channels/${i}/messages`, BOT)),
			...Array.from({ length: 3 }, (_, i) => request(`https://discord.test/api/v10/interactions/${i}/t/callback`, INTERACTION))
		]);
		await cache.close();

		const authenticated = sent.filter((entry) => entry.url.includes('/channels/'));
		expect(authenticated).toHaveLength(10);
		// Ten at four a second need two more windows after the first four.
		expect(authenticated.at(-1)!.at - started).toBeGreaterThanOrEqual(2_000);
		for (const entry of authenticated) {
			const within = authenticated.filter((other) => other.at >= entry.at && other.at - entry.at < 1_000);
			expect(within.length).toBeLessThanOrEqual(4);
		}
		// The replies did not queue behind the capped requests.
		const replies = sent.filter((entry) => entry.url.includes('/interactions/'));
		expect(replies).toHaveLength(3);
		expect(sent.indexOf(replies.at(-1)!)).toBeLessThan(sent.indexOf(authenticated[4]!));
	});

	it('gives a request that waited for its slot a whole timeout on the network', async () => {
		const cache = new MemoryCache();
		const signals: AbortSignal[] = [];
		const makeRequest = async (_url: string, init: RequestInit) => {
			signals.push(init.signal!);
			return new Response(null, { status: 204 });
		};
		const request = globallyLimited({ cache, perSecond: 1, timeoutMs: 5_000, makeRequest: makeRequest as never });
		// As discord.js does: the timeout starts when it calls makeRequest, 300 ms here.
		const withTimeout = () => {
			const controller = new AbortController();
			setTimeout(() => controller.abort(), 300);
			return { ...BOT, signal: controller.signal };
		};
		await Promise.all([0, 1].map((i) => request(`https://discord.test/api/v10/channels/${i}/messages`, withTimeout())));
		await cache.close();
		// The second waited about a second for its slot, past discord.js's 300 ms, and still went out unaborted.
		expect(signals.map((signal) => signal.aborted)).toEqual([false, false]);
	});

	it('still sends when the cache fails, under a cap of its own, and reports the failure once', async () => {
		const broken = { takeSlot: () => Promise.reject(new Error('Connection is closed.')) } as unknown as Cache;
		const { sent, makeRequest } = recorder();
		const errors: string[] = [];
		const request = globallyLimited({
			cache: broken,
			perSecond: 4,
			timeoutMs: 15_000,
			makeRequest: makeRequest as never,
			onCacheError: (error) => errors.push(error.message)
		});
		const started = Date.now();
		await Promise.all(Array.from({ length: 6 }, (_, i) => request(`https://discord.test/api/v10/channels/${i}/messages`, BOT)));
		expect(sent).toHaveLength(6);
		expect(errors).toEqual(['Connection is closed.']);
		// This process's own window: the fifth waited for the first second to pass.
		expect(sent[4]!.at - started).toBeGreaterThanOrEqual(1_000);
	});
});
