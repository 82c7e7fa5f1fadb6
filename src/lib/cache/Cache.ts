/**
 * Shared short-lived state: rate-limit counters, locks, memoised settings. In memory for one process,
 * in Redis when several bot processes must agree. Values are JSON-serialisable.
 */
export interface Cache {
	readonly kind: 'memory' | 'redis';
	get<T>(key: string): Promise<T | undefined>;
	set(key: string, value: unknown, ttlMs?: number): Promise<void>;
	delete(key: string): Promise<void>;
	/** Sets the value only when the key is absent; true when this call set it (a lock or a once-only mark). */
	setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
	/** Adds one and returns the new count; the window starts with the first increment and lasts ttlMs. */
	increment(key: string, ttlMs: number): Promise<number>;
	/**
	 * Takes one of `limit` slots in a window that slides over the last windowMs: 0 when this call took one,
	 * otherwise how many milliseconds until the oldest taken slot frees. However calls are spread, at most
	 * `limit` succeed within any windowMs.
	 */
	takeSlot(key: string, limit: number, windowMs: number): Promise<number>;
	/** Milliseconds before the key expires; undefined when it is absent or never expires. */
	ttl(key: string): Promise<number | undefined>;
	/**
	 * Calls `listener` each time the store is back after losing its connection (Redis restarted, maybe
	 * empty); never for the memory store, which cannot lose it.
	 */
	onReconnect(listener: () => void): void;
	close(): Promise<void>;
}
