import type { Queue, Worker } from 'bullmq';
import { redisOptionsFromUrl } from '../cache/redisOptions.js';

/**
 * What wakes the webhook sender up besides a new event: the outbox in the database is the truth, and a
 * wake only says when to read it. Without Redis every process reads it each second; with Redis a retry
 * is a delayed BullMQ job that one process picks up when it falls due, and the outbox is read every
 * half minute anyway (a job lost with Redis loses no delivery).
 */
export interface DeliveryWake {
	/** How often the outbox is read in any case. */
	readonly pollMs: number;
	/** Asks for a pass at this moment (a retry's). */
	at(when: Date): Promise<void>;
	start(pass: () => Promise<void>): Promise<void>;
	stop(): Promise<void>;
}

export const pollingWake: DeliveryWake = {
	pollMs: 1000,
	at: async () => undefined,
	start: async () => undefined,
	stop: async () => undefined
};

/** With Redis: delayed jobs on one queue that every bot process shares (its name carries the prefix). */
export class BullDeliveryWake implements DeliveryWake {
	public readonly pollMs = 30_000;
	#queue: Promise<Queue> | undefined;
	#worker: Worker | undefined;

	public constructor(
		private readonly redisUrl: string,
		private readonly prefix: string
	) {}

	get #name(): string {
		return `${this.prefix}-webhooks`;
	}

	#queued(): Promise<Queue> {
		// BullMQ is loaded with the first retry or at start, only when there is Redis.
		this.#queue ??= import('bullmq').then(
			({ Queue }) => new Queue(this.#name, { connection: redisOptionsFromUrl(this.redisUrl) })
		);
		return this.#queue;
	}

	public async at(when: Date): Promise<void> {
		const queue = await this.#queued();
		const second = Math.ceil(when.getTime() / 1000);
		// Retries due in the same second share one job: one pass sends them all.
		await queue.add(
			'due',
			{},
			{ delay: Math.max(0, second * 1000 - Date.now()), jobId: `due-${second}`, removeOnComplete: true, removeOnFail: true }
		);
	}

	public async start(pass: () => Promise<void>): Promise<void> {
		await this.#queued();
		const { Worker } = await import('bullmq');
		this.#worker ??= new Worker(this.#name, pass, { connection: redisOptionsFromUrl(this.redisUrl) });
	}

	public async stop(): Promise<void> {
		await this.#worker?.close();
		this.#worker = undefined;
		const queue = this.#queue;
		this.#queue = undefined;
		await (await queue)?.close();
	}
}
