/** At most `limit` tasks at once; the others wait their turn in arrival order. */
export class Semaphore {
	#running = 0;
	readonly #waiting: (() => void)[] = [];

	public constructor(private readonly limit: number) {}

	public async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.#running >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
		else this.#running++;
		try {
			return await task();
		} finally {
			const next = this.#waiting.shift();
			if (next) next();
			else this.#running--;
		}
	}
}
