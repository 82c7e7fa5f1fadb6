import type { Cache } from './Cache.js';

interface Entry {
	value: unknown;
	expiresAt: number;
}

/** The single-process cache: a Map with expiry, swept once a minute. */
export class MemoryCache implements Cache {
	public readonly kind = 'memory';
	readonly #entries = new Map<string, Entry>();
	/** takeSlot's windows: when each taken slot was taken, oldest first. */
	readonly #slots = new Map<string, { windowMs: number; taken: number[] }>();
	readonly #sweeper: NodeJS.Timeout;

	public constructor(private readonly now: () => number = Date.now) {
		this.#sweeper = setInterval(() => this.sweep(), 60_000).unref();
	}

	public async get<T>(key: string): Promise<T | undefined> {
		return this.#live(key)?.value as T | undefined;
	}

	public async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
		this.#entries.set(key, { value: structuredClone(value), expiresAt: ttlMs ? this.now() + ttlMs : Infinity });
	}

	public async delete(key: string): Promise<void> {
		this.#entries.delete(key);
	}

	public async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
		if (this.#live(key)) return false;
		await this.set(key, value, ttlMs);
		return true;
	}

	public async increment(key: string, ttlMs: number): Promise<number> {
		const entry = this.#live(key);
		if (!entry) {
			this.#entries.set(key, { value: 1, expiresAt: this.now() + ttlMs });
			return 1;
		}
		entry.value = Number(entry.value) + 1;
		return entry.value as number;
	}

	public async takeSlot(key: string, limit: number, windowMs: number): Promise<number> {
		const now = this.now();
		const taken = (this.#slots.get(key)?.taken ?? []).filter((at) => now - at < windowMs);
		this.#slots.set(key, { windowMs, taken });
		if (taken.length < limit) {
			taken.push(now);
			return 0;
		}
		return Math.max(1, taken[0]! + windowMs - now);
	}

	public async ttl(key: string): Promise<number | undefined> {
		const entry = this.#live(key);
		return entry && entry.expiresAt !== Infinity ? entry.expiresAt - this.now() : undefined;
	}

	public onReconnect(): void {
		// Memory is never lost while the process runs.
	}

	public async close(): Promise<void> {
		clearInterval(this.#sweeper);
		this.#entries.clear();
		this.#slots.clear();
	}

	public sweep(): void {
		const now = this.now();
		for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
		for (const [key, slots] of this.#slots) {
			if (!slots.taken.length || now - slots.taken.at(-1)! >= slots.windowMs) this.#slots.delete(key);
		}
	}

	#live(key: string): Entry | undefined {
		const entry = this.#entries.get(key);
		if (entry && entry.expiresAt <= this.now()) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry;
	}
}
