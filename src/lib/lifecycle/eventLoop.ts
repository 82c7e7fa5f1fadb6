import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Lets other work (interactions, heartbeats) run before a long job goes on. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How late the event loop has run since the process started, in milliseconds (for the health report). */
export interface LoopDelay {
	p50: number;
	p99: number;
	max: number;
}

/** Samples the event loop's delay every 20 ms (Node's own timer, off the loop) from now on. */
export function monitorLoopDelay(): () => LoopDelay {
	const histogram = monitorEventLoopDelay({ resolution: 20 });
	histogram.enable();
	const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
	return () => ({ p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) });
}
