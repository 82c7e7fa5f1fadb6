// A seeded random source (mulberry32), so that a chaos run can be repeated with its seed.
export class Random {
	#state: number;

	public constructor(seed: number) {
		this.#state = seed >>> 0;
	}

	/** A number in [0, 1). */
	public next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [0, max). */
	public int(max: number): number {
		return Math.floor(this.next() * max);
	}

	public chance(probability: number): boolean {
		return this.next() < probability;
	}

	public pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('nothing to pick from');
		return items[this.int(items.length)]!;
	}
}
