import type { Redis } from 'ioredis';
import type { Cache } from './Cache.js';

// INCR and the expiry of a new window in one atomic step, so a crash between them cannot leave a counter that never expires.
const INCREMENT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n`;
// A sliding window as a sorted set of taken slots scored by Redis's own clock (the same for every process
// and machine): drop the slots older than the window, take one if any is left, else say when the oldest frees.
const TAKE_SLOT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
	redis.call('ZADD', KEYS[1], now, ARGV[3])
	redis.call('PEXPIRE', KEYS[1], window)
	return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)`;

/** The shared cache for several bot processes. Keys are prefixed so one Redis can serve other apps too. */
export class RedisCache implements Cache {
	public readonly kind = 'redis';
	#slotSerial = 0;

	public constructor(
		private readonly redis: Redis,
		private readonly prefix = 'ticketbot:'
	) {}

	public onReconnect(listener: () => void): void {
		// The connection is ready when this is called; every later 'ready' follows a lost connection.
		this.redis.on('ready', listener);
	}

	public async get<T>(key: string): Promise<T | undefined> {
		const raw = await this.redis.get(this.prefix + key);
		return raw === null ? undefined : (JSON.parse(raw) as T);
	}

	public async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
		const raw = JSON.stringify(value);
		if (ttlMs) await this.redis.set(this.prefix + key, raw, 'PX', ttlMs);
		else await this.redis.set(this.prefix + key, raw);
	}

	public async delete(key: string): Promise<void> {
		await this.redis.del(this.prefix + key);
	}

	public async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
		return (await this.redis.set(this.prefix + key, JSON.stringify(value), 'PX', ttlMs, 'NX')) === 'OK';
	}

	public async increment(key: string, ttlMs: number): Promise<number> {
		return Number(await this.redis.eval(INCREMENT, 1, this.prefix + key, ttlMs));
	}

	public async takeSlot(key: string, limit: number, windowMs: number): Promise<number> {
		// Each slot is a distinct member, so two slots taken in the same millisecond both count.
		const member = `${process.pid}:${++this.#slotSerial}:${Math.random().toString(36).slice(2)}`;
		return Number(await this.redis.eval(TAKE_SLOT, 1, this.prefix + key, limit, windowMs, member));
	}

	public async ttl(key: string): Promise<number | undefined> {
		const ms = await this.redis.pttl(this.prefix + key);
		return ms >= 0 ? ms : undefined;
	}

	public async close(): Promise<void> {
		await this.redis.quit().catch(() => this.redis.disconnect());
	}
}
