import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/lib/cache/MemoryCache.js';
import { CaptchaService } from '../../src/lib/tickets/captcha.js';
import { renderCaptcha } from '../../src/lib/chat/captchaImage.js';

const GUILD = '100000000000000001';
const USER = '300000000000000003';

describe('captcha', () => {
	it('passes the right code (any case, spaces ignored) once, for that category only', async () => {
		const captcha = new CaptchaService(new MemoryCache());
		const code = await captcha.issue(GUILD, USER, 1);
		expect(code).toMatch(/^[346789A-Y]{5}$/);
		expect(await captcha.verify(GUILD, USER, 1, ` ${code.toLowerCase().split('').join(' ')} `)).toEqual({ kind: 'solved' });
		expect(await captcha.passed(GUILD, USER, 1)).toBe(true);
		expect(await captcha.passed(GUILD, USER, 2)).toBe(false);
		// The challenge is used up.
		expect(await captcha.verify(GUILD, USER, 1, code)).toEqual({ kind: 'expired' });
		await captcha.consume(GUILD, USER, 1);
		expect(await captcha.passed(GUILD, USER, 1)).toBe(false);
	});

	it('counts wrong answers and gives up after three', async () => {
		const captcha = new CaptchaService(new MemoryCache());
		const code = await captcha.issue(GUILD, USER, 1);
		expect(await captcha.verify(GUILD, USER, 1, 'nope')).toEqual({ kind: 'wrong', attemptsLeft: 2 });
		expect(await captcha.verify(GUILD, USER, 1, 'nope')).toEqual({ kind: 'wrong', attemptsLeft: 1 });
		expect(await captcha.verify(GUILD, USER, 1, 'nope')).toEqual({ kind: 'expired' });
		expect(await captcha.verify(GUILD, USER, 1, code)).toEqual({ kind: 'expired' });
		expect(await captcha.passed(GUILD, USER, 1)).toBe(false);
	});

	it('draws the code as a PNG', async () => {
		const png = await renderCaptcha('K7XQ4');
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect(png.length).toBeGreaterThan(2_000);
	});
});
