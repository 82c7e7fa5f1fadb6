import type { WorkTracker } from './WorkTracker.js';

export interface ShutdownStep {
	name: string;
	run(): Promise<unknown> | unknown;
}

export interface ShutdownOptions {
	work: WorkTracker;
	/** Run in order after the work in flight has drained: disconnect, then close queues, cache, database, logs. */
	steps: ShutdownStep[];
	drainTimeoutMs?: number;
	log: { info(message: string): void; warn(message: string): void };
	exit(code: number): void;
}

/**
 * Returns the handler for SIGINT and SIGTERM: stop taking work, let what is in flight finish (bounded),
 * then close every resource once. A second signal exits at once.
 */
export function createShutdown(options: ShutdownOptions): (signal: string) => Promise<void> {
	let started = false;
	return async (signal) => {
		if (started) {
			options.log.warn(`${signal} again: exiting without waiting`);
			options.exit(1);
			return;
		}
		started = true;
		options.work.stop();
		options.log.info(`${signal}: shutting down, ${options.work.size} task(s) in flight`);
		const drained = await options.work.drain(options.drainTimeoutMs ?? 15_000);
		if (!drained) options.log.warn(`${options.work.size} task(s) still running after the grace period; closing anyway`);
		let failed = false;
		for (const step of options.steps) {
			try {
				await step.run();
			} catch (error) {
				failed = true;
				options.log.warn(`closing ${step.name} failed: ${(error as Error).message}`);
			}
		}
		options.exit(failed ? 1 : 0);
	};
}
