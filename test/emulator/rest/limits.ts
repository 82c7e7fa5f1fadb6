import { createHash } from 'node:crypto';

export interface BucketLimits {
	/** Requests per window in each bucket. */
	limit: number;
	windowMs: number;
	/** Requests per second across all authenticated routes (Discord: 50). */
	globalPerSecond: number;
}

export interface FaultMatch {
	method?: string;
	/** Matches the route template (/channels/:channelId/messages) or the concrete path. */
	route?: string | RegExp;
}

interface Fault {
	match: FaultMatch;
	remaining: number;
	apply:
		| { kind: 'rateLimit'; retryAfterMs: number; global: boolean; shared: boolean }
		| { kind: 'serverError'; status: number }
		| { kind: 'apiError'; status: number; code: number; message: string }
		| { kind: 'latency'; ms: number };
}

export type LimitDecision =
	| { kind: 'ok'; headers: Record<string, string> }
	| {
			kind: 'limited';
			retryAfterMs: number;
			global: boolean;
			scope: 'user' | 'global' | 'shared';
			headers: Record<string, string>;
	  };

interface BucketState {
	remaining: number;
	resetAt: number;
}

/** Discord's rate limits (per-route buckets, a global cap) and the faults a test injects. */
export class Limits {
	public config: BucketLimits = { limit: 50, windowMs: 1_000, globalPerSecond: 50 };
	readonly #buckets = new Map<string, BucketState>();
	readonly #faults: Fault[] = [];
	#globalWindow = { start: 0, count: 0 };
	#globalBlockedUntil = 0;

	/**
	 * A 429: the route's bucket (scope "user"), the global cap (`global`), or a per-resource limit that
	 * Discord does not hold against the bot (`shared`, scope "shared", no bucket spent).
	 */
	public injectRateLimit(
		match: FaultMatch,
		options: { retryAfterMs: number; global?: boolean; shared?: boolean; count?: number }
	): void {
		this.#faults.push({
			match,
			remaining: options.count ?? 1,
			apply: {
				kind: 'rateLimit',
				retryAfterMs: options.retryAfterMs,
				global: options.global ?? false,
				shared: options.shared ?? false
			}
		});
	}

	public injectServerError(match: FaultMatch, options: { status?: number; count?: number } = {}): void {
		this.#faults.push({ match, remaining: options.count ?? 1, apply: { kind: 'serverError', status: options.status ?? 500 } });
	}

	/** Discord refuses the request with this JSON error, e.g. 403 50013 Missing Permissions. */
	public injectApiError(match: FaultMatch, error: { status: number; code: number; message: string; count?: number }): void {
		this.#faults.push({
			match,
			remaining: error.count ?? 1,
			apply: { kind: 'apiError', status: error.status, code: error.code, message: error.message }
		});
	}

	public injectLatency(match: FaultMatch, ms: number, count = Number.POSITIVE_INFINITY): void {
		this.#faults.push({ match, remaining: count, apply: { kind: 'latency', ms } });
	}

	public clearFaults(): void {
		this.#faults.length = 0;
	}

	/** The first injected fault for this request, consumed (latency faults stack with the others). */
	public takeFault(method: string, template: string, path: string): { latencyMs: number; fault: Fault['apply'] | null } {
		let latencyMs = 0;
		let fault: Fault['apply'] | null = null;
		for (const entry of this.#faults) {
			if (entry.remaining <= 0 || !matches(entry.match, method, template, path)) continue;
			if (entry.apply.kind === 'latency') {
				latencyMs += entry.apply.ms;
				entry.remaining--;
			} else if (!fault) {
				fault = entry.apply;
				entry.remaining--;
			}
		}
		return { latencyMs, fault };
	}

	/** Counts the request against its bucket and the global cap; says whether Discord would refuse it. */
	public take(
		bucket: string,
		now: number,
		countsGlobally: boolean,
		forced?: { retryAfterMs: number; global: boolean }
	): LimitDecision {
		const state = this.#bucket(bucket, now);
		const hash = createHash('sha1').update(bucket).digest('hex').slice(0, 16);
		const headersFor = (remaining: number, resetAt: number) => ({
			'x-ratelimit-limit': String(this.config.limit),
			'x-ratelimit-remaining': String(Math.max(0, remaining)),
			'x-ratelimit-reset': (resetAt / 1000).toFixed(3),
			'x-ratelimit-reset-after': (Math.max(0, resetAt - now) / 1000).toFixed(3),
			'x-ratelimit-bucket': hash
		});
		if (forced) {
			if (forced.global) this.#globalBlockedUntil = now + forced.retryAfterMs;
			else {
				state.remaining = 0;
				state.resetAt = Math.max(state.resetAt, now + forced.retryAfterMs);
			}
			return this.#limited(forced.retryAfterMs, forced.global, headersFor(0, now + forced.retryAfterMs));
		}
		if (countsGlobally) {
			if (now < this.#globalBlockedUntil) return this.#limited(this.#globalBlockedUntil - now, true, {});
			if (now - this.#globalWindow.start >= 1_000) this.#globalWindow = { start: now, count: 0 };
			if (++this.#globalWindow.count > this.config.globalPerSecond)
				return this.#limited(this.#globalWindow.start + 1_000 - now, true, {});
		}
		if (state.remaining <= 0) return this.#limited(state.resetAt - now, false, headersFor(0, state.resetAt));
		state.remaining--;
		return { kind: 'ok', headers: headersFor(state.remaining, state.resetAt) };
	}

	/** When a bucket opens again (for tests asserting the bot waited). */
	public resetAt(bucket: string): number | undefined {
		return this.#buckets.get(bucket)?.resetAt;
	}

	#bucket(bucket: string, now: number): BucketState {
		let state = this.#buckets.get(bucket);
		if (!state || now >= state.resetAt) {
			state = { remaining: this.config.limit, resetAt: now + this.config.windowMs };
			this.#buckets.set(bucket, state);
		}
		return state;
	}

	#limited(retryAfterMs: number, global: boolean, headers: Record<string, string>): LimitDecision {
		const seconds = Math.max(0, retryAfterMs) / 1000;
		return {
			kind: 'limited',
			retryAfterMs,
			global,
			scope: global ? 'global' : 'user',
			headers: {
				...headers,
				'retry-after': String(Math.ceil(seconds)),
				'x-ratelimit-scope': global ? 'global' : 'user',
				...(global ? { 'x-ratelimit-global': 'true' } : {})
			}
		};
	}
}

function matches(match: FaultMatch, method: string, template: string, path: string): boolean {
	if (match.method && match.method !== method) return false;
	if (match.route === undefined) return true;
	if (typeof match.route === 'string') return match.route === template || match.route === path;
	return match.route.test(template) || match.route.test(path);
}
