/**
 * Counts the work in flight (commands, interactions, jobs) so that shutdown can stop taking new work
 * and wait for what has started.
 */
export class WorkTracker {
	readonly #inFlight = new Set<string>();
	readonly #waiters = new Set<() => void>();
	#accepting = true;
	#sequence = 0;

	public get accepting(): boolean {
		return this.#accepting;
	}

	public get size(): number {
		return this.#inFlight.size;
	}

	/** Marks work as started; returns the function that marks it done. */
	public begin(key = `work-${++this.#sequence}`): () => void {
		this.#inFlight.add(key);
		return () => this.end(key);
	}

	public end(key: string): void {
		if (!this.#inFlight.delete(key) || this.#inFlight.size > 0) return;
		for (const wake of this.#waiters) wake();
	}

	/** Runs fn as tracked work. */
	public async run<T>(fn: () => Promise<T>): Promise<T> {
		const done = this.begin();
		try {
			return await fn();
		} finally {
			done();
		}
	}

	/** Stops accepting work; what has started goes on. */
	public stop(): void {
		this.#accepting = false;
	}

	/** Waits until nothing is in flight or the timeout passes; true when everything finished. */
	public async drain(timeoutMs: number): Promise<boolean> {
		if (this.#inFlight.size === 0) return true;
		return new Promise<boolean>((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				this.#waiters.delete(wake);
				resolve(true);
			};
			const timer = setTimeout(() => {
				this.#waiters.delete(wake);
				resolve(false);
			}, timeoutMs);
			this.#waiters.add(wake);
		});
	}
}
