import { describe, expect, it, vi } from 'vitest';
import { InvalidRequestMeter } from '../../src/lib/discord/invalidRequests.js';

function setup(breakAt = 200) {
	let now = 1_000_000;
	const log = { warn: vi.fn(), info: vi.fn() };
	const meter = new InvalidRequestMeter(breakAt, log, () => now);
	return { meter, log, advance: (ms: number) => (now += ms) };
}

describe('the invalid request meter', () => {
	it('counts 401, 403 and 429 over ten minutes, not shared-scope 429s or other answers', () => {
		const { meter, advance } = setup();
		for (const [status, scope] of [
			[401, null],
			[403, null],
			[429, 'user'],
			[429, 'global'],
			[429, 'shared'],
			[404, null],
			[500, null],
			[200, null]
		] as const)
			meter.record(status, scope);
		expect(meter.count()).toBe(4);
		advance(9 * 60_000);
		meter.record(403, null);
		expect(meter.count()).toBe(5);
		// The first four leave the window; the last stays.
		advance(61_000);
		expect(meter.count()).toBe(1);
	});

	it('logs at 100, then opens the breaker at its threshold, and closes it when the window slides below', async () => {
		const { meter, log, advance } = setup(150);
		for (let i = 0; i < 99; i++) meter.record(403, null);
		expect(log.warn).not.toHaveBeenCalled();
		meter.record(403, null);
		expect(log.warn).toHaveBeenCalledTimes(1);
		expect(log.warn.mock.calls[0]![0]).toBe('Discord refused 100 requests (401, 403, 429) in the last 10 minutes');
		const sent = vi.fn(async () => 'sent');
		expect(await meter.nonEssential(sent)).toBe('sent');

		advance(60_000);
		for (let i = 0; i < 50; i++) meter.record(429, 'user');
		expect(meter.open).toBe(true);
		expect(log.warn.mock.calls.at(-1)![0]).toMatch(
			/^Discord refused 150 requests in 10 minutes: log channel posts and transcript DMs are paused/
		);
		expect(await meter.nonEssential(sent)).toBeUndefined();
		expect(sent).toHaveBeenCalledTimes(1);

		// The first hundred leave the window: 50 remain.
		advance(9 * 60_000 + 1);
		expect(meter.open).toBe(false);
		expect(log.info.mock.calls.at(-1)![0]).toBe(
			'Invalid Discord requests fell to 50 in 10 minutes: paused requests resume (1 skipped)'
		);
		expect(await meter.nonEssential(sent)).toBe('sent');
	});
});
