const DISCORD_EPOCH = 1_420_070_400_000n;

/** Discord-shaped IDs: a millisecond timestamp since 2015 shifted left 22 bits, plus a counter (18–19 digits). */
export class SnowflakeGenerator {
	#last = 0n;
	#increment = 0n;

	public next(at = Date.now()): string {
		const time = BigInt(at) - DISCORD_EPOCH;
		if (time === this.#last) this.#increment = (this.#increment + 1n) & 0xfffn;
		else {
			this.#last = time;
			this.#increment = 0n;
		}
		return ((time << 22n) | (1n << 17n) | this.#increment).toString();
	}
}

export function snowflakeTime(id: string): number {
	return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
