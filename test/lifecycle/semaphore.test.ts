import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../src/lib/lifecycle/Semaphore.js';

describe('Semaphore', () => {
	it('runs at most its limit at once, the rest in arrival order, and frees a place when a task fails', async () => {
		const semaphore = new Semaphore(2);
		let running = 0;
		let most = 0;
		const started: number[] = [];
		const task = (index: number) =>
			semaphore.run(async () => {
				started.push(index);
				most = Math.max(most, ++running);
				await new Promise((resolve) => setTimeout(resolve, 10));
				running--;
				if (index === 1) throw new Error('task 1 failed');
				return index;
			});
		const results = await Promise.allSettled([0, 1, 2, 3, 4].map(task));
		expect(most).toBe(2);
		expect(started).toEqual([0, 1, 2, 3, 4]);
		expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
		// Everything finished, so the next task starts at once.
		expect(await semaphore.run(async () => 'free')).toBe('free');
	});
});
