import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Cache } from '../cache/Cache.js';
import { MemoryCache } from '../cache/MemoryCache.js';

type MakeRequest = RESTOptions['makeRequest'];

const GLOBAL_KEY = 'rest:global';
// Discord counts a request when it arrives; the extra 50 ms keeps requests sent a window apart from
// arriving less than a second apart (discord.js adds the same offset to its own waits).
const WINDOW_MS = 1_050;

export interface GlobalLimitOptions {
	cache: Cache;
	perSecond: number;
	/** The REST client's request timeout: the time a request may take once it is on the network. */
	timeoutMs: number;
	makeRequest?: MakeRequest;
	/** Hears of a cache failure, at most once a minute. */
	onCacheError?: (error: Error) => void;
}

/**
 * Keeps every process of the deployment under Discord's global request cap together. discord.js counts
 * the cap per process and in fixed one-second windows, so several shards (or one busy process) can still
 * send more than the cap within a second and collect global 429s; here each authenticated request first
 * takes a slot in one sliding window kept in the cache (Redis across processes). Requests without the bot
 * token (interaction replies, their edits and follow-ups) are not under the cap and go at once, so answers
 * never wait. If the cache fails, a window of this process's own keeps the cap for it alone meanwhile.
 *
 * This window is the bot's cap: discord.js's own per-second budget counts every request, the edits of
 * interaction replies too, which Discord does not cap, and is set out of the way (see setup/client.ts).
 *
 * discord.js starts its request timeout before calling makeRequest, so time spent waiting here for a slot
 * would count against it and a long burst would time out; a capped request gets its timeout afresh once
 * its slot is taken (the bot passes no abort signals of its own, so nothing else is lost).
 */
export function globallyLimited(options: GlobalLimitOptions): MakeRequest {
	const { cache, perSecond, timeoutMs, makeRequest = DefaultRestOptions.makeRequest, onCacheError = () => undefined } = options;
	let lastReported = 0;
	const report = (error: Error) => {
		if (Date.now() - lastReported < 60_000) return;
		lastReported = Date.now();
		onCacheError(error);
	};
	// The process's capped requests wait in one line, and only the first in line asks the shared window:
	// hundreds of waiting requests do not all wake and ask each time a slot frees.
	let line: Promise<void> = Promise.resolve();
	const fallback = new MemoryCache();
	return async (url, init) => {
		if (!hasBotToken(init.headers)) return makeRequest(url, init);
		const turn = line.then(() => takeGlobalSlot(cache, fallback, perSecond, report));
		line = turn;
		await turn;
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), timeoutMs);
		try {
			return await makeRequest(url, { ...init, signal: controller.signal });
		} finally {
			clearTimeout(timer);
		}
	};
}

async function takeGlobalSlot(
	cache: Cache,
	fallback: Cache,
	perSecond: number,
	onCacheError: (error: Error) => void
): Promise<void> {
	for (;;) {
		let wait: number;
		try {
			wait = await cache.takeSlot(GLOBAL_KEY, perSecond, WINDOW_MS);
		} catch (error) {
			onCacheError(error as Error);
			wait = await fallback.takeSlot(GLOBAL_KEY, perSecond, WINDOW_MS);
		}
		if (wait === 0) return;
		await sleep(wait);
	}
}

function hasBotToken(headers: RequestInit['headers']): boolean {
	if (!headers) return false;
	if (headers instanceof Headers) return headers.has('authorization');
	const entries = Array.isArray(headers) ? headers : Object.entries(headers);
	return entries.some(([name]) => name.toLowerCase() === 'authorization');
}
