/** Discord bans for an hour an IP that makes 10,000 invalid requests (401, 403, 429) in ten minutes. */
export const INVALID_WINDOW_MS = 10 * 60_000;
const SLOT_MS = 10_000;
/** Counts at which the log hears how many invalid requests the window holds. */
const REPORT_AT = [100, 1_000, 2_500];

export interface InvalidRequestLog {
	warn(message: string, fields?: object): void;
	info(message: string, fields?: object): void;
}

/**
 * The bot's own invalid requests to Discord over the last ten minutes, counted from its responses (a 429
 * of a per-resource limit, scope "shared", is not Discord's to count), and a breaker: from `breakAt` on,
 * the requests nothing depends on (log channel posts, transcript copies by DM) are skipped until the
 * window slides below it, so the bot stays clear of Discord's ban.
 */
export class InvalidRequestMeter {
	readonly #slots = new Map<number, number>();
	#reported = 0;
	#skipped = 0;
	#open = false;

	public constructor(
		private readonly breakAt: number,
		private readonly log: InvalidRequestLog,
		private readonly now: () => number = Date.now
	) {}

	/** One response from Discord. */
	public record(status: number, scope: string | null): void {
		if (status !== 401 && status !== 403 && !(status === 429 && scope !== 'shared')) return;
		const slot = Math.floor(this.now() / SLOT_MS);
		this.#slots.set(slot, (this.#slots.get(slot) ?? 0) + 1);
		const count = this.count();
		const threshold = [...REPORT_AT, this.breakAt].filter((at) => count >= at && at > this.#reported).at(-1);
		if (threshold !== undefined) {
			this.#reported = threshold;
			this.log.warn(`Discord refused ${count} requests (401, 403, 429) in the last 10 minutes`, { invalidRequests: count });
		}
		this.#update(count);
	}

	/** Invalid requests in the last ten minutes. */
	public count(): number {
		const oldest = Math.floor((this.now() - INVALID_WINDOW_MS) / SLOT_MS);
		let count = 0;
		for (const [slot, value] of this.#slots) {
			if (slot <= oldest) this.#slots.delete(slot);
			else count += value;
		}
		return count;
	}

	/** Whether requests nothing depends on are being skipped. */
	public get open(): boolean {
		this.#update(this.count());
		return this.#open;
	}

	/** Runs a request nothing depends on, unless the breaker is open (then nothing happens: undefined). */
	public async nonEssential<T>(fn: () => Promise<T>): Promise<T | undefined> {
		if (this.open) {
			this.#skipped++;
			return undefined;
		}
		return fn();
	}

	#update(count: number): void {
		if (!this.#open && count >= this.breakAt) {
			this.#open = true;
			this.log.warn(
				`Discord refused ${count} requests in 10 minutes: log channel posts and transcript DMs are paused until that falls below ${this.breakAt}`,
				{ invalidRequests: count }
			);
		} else if (this.#open && count < this.breakAt) {
			this.#open = false;
			this.#reported = REPORT_AT.filter((at) => at <= count).at(-1) ?? 0;
			this.log.info(`Invalid Discord requests fell to ${count} in 10 minutes: paused requests resume (${this.#skipped} skipped)`);
			this.#skipped = 0;
		}
	}
}
