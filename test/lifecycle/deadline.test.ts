import { describe, expect, it } from 'vitest';
import { within } from '../../src/lib/lifecycle/deadline.js';

describe('within', () => {
	it('gives the value of a promise that settles in time', async () => {
		expect(await within(Promise.resolve('refused'), 10_000, 'late')).toBe('refused');
	});

	it('gives way to the deadline when the promise is late, and drops its later failure', async () => {
		let fail!: (error: Error) => void;
		const slow = new Promise<string>((_resolve, reject) => {
			fail = reject;
		});
		expect(await within(slow, 10, 'late')).toBe('late');
		// A rejection after the deadline is not an unhandled rejection (vitest would fail the run).
		fail(new Error('the database answered too late'));
		await new Promise((resolve) => setTimeout(resolve, 10));
	});

	it('passes on a failure that comes in time', async () => {
		await expect(within(Promise.reject(new Error('no database')), 10_000, 'late')).rejects.toThrow('no database');
	});
});
