import { describe, expect, it, vi } from 'vitest';
import { createShutdown } from '../../src/lib/lifecycle/shutdown.js';
import { WorkTracker } from '../../src/lib/lifecycle/WorkTracker.js';

const quietLog = () => ({ info: vi.fn(), warn: vi.fn() });

describe('graceful shutdown', () => {
	it('stops taking work, waits for work in flight, then closes every resource in order, once', async () => {
		const work = new WorkTracker();
		const order: string[] = [];
		const done = work.begin('interaction-1');
		const exit = vi.fn();
		const shutdown = createShutdown({
			work,
			log: quietLog(),
			exit,
			steps: ['discord', 'cache', 'database', 'logs'].map((name) => ({ name, run: () => void order.push(name) }))
		});

		const finished = shutdown('SIGTERM');
		expect(work.accepting).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(order).toEqual([]); // the command in flight is still running
		order.push('command finished');
		done();
		await finished;
		expect(order).toEqual(['command finished', 'discord', 'cache', 'database', 'logs']);
		expect(exit).toHaveBeenCalledWith(0);
	});

	it('does not wait forever for stuck work, and still closes everything', async () => {
		const work = new WorkTracker();
		work.begin('stuck');
		const closed = vi.fn();
		const log = quietLog();
		const exit = vi.fn();
		await createShutdown({ work, log, exit, drainTimeoutMs: 30, steps: [{ name: 'database', run: closed }] })('SIGINT');
		expect(closed).toHaveBeenCalledOnce();
		expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('still running'));
		expect(exit).toHaveBeenCalledWith(0);
	});

	it('goes on closing when one resource fails to close, and exits non-zero', async () => {
		const later = vi.fn();
		const exit = vi.fn();
		await createShutdown({
			work: new WorkTracker(),
			log: quietLog(),
			exit,
			steps: [
				{ name: 'cache', run: () => Promise.reject(new Error('already closed')) },
				{ name: 'database', run: later }
			]
		})('SIGTERM');
		expect(later).toHaveBeenCalledOnce();
		expect(exit).toHaveBeenCalledWith(1);
	});

	it('exits at once on a second signal', async () => {
		const work = new WorkTracker();
		work.begin('slow');
		const exit = vi.fn();
		const shutdown = createShutdown({ work, log: quietLog(), exit, drainTimeoutMs: 10_000, steps: [] });
		void shutdown('SIGTERM');
		await shutdown('SIGTERM');
		expect(exit).toHaveBeenCalledWith(1);
	});

	it('tracks work run through it', async () => {
		const work = new WorkTracker();
		let release!: () => void;
		const running = work.run(() => new Promise<void>((resolve) => (release = resolve)));
		expect(work.size).toBe(1);
		release();
		await running;
		expect(work.size).toBe(0);
		expect(await work.drain(10)).toBe(true);
	});
});
