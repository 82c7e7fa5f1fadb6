import { describe, expect, it } from 'vitest';
import { cut } from '../../src/lib/text/cut.js';

const hasLoneSurrogate = (text: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

describe('cut', () => {
	it('leaves text that fits as it is', () => {
		expect(cut('hello', 5)).toBe('hello');
		expect(cut('👍🏽', 4)).toBe('👍🏽');
	});

	it('never splits a surrogate pair, and marks the cut', () => {
		const text = `${'a'.repeat(1022)}😀${'b'.repeat(100)}`;
		const shown = cut(text, 1024);
		expect(shown).toBe(`${'a'.repeat(1022)}…`);
		expect(hasLoneSurrogate(shown)).toBe(false);
		expect(shown.length).toBeLessThanOrEqual(1024);
	});

	it('keeps an emoji with its skin tone or its joiners whole', () => {
		expect(cut(`ab👍🏽cd`, 6)).toBe('ab…');
		const family = '👨‍👩‍👧';
		expect(cut(`x${family}yz`, family.length + 2)).toBe(`x${family}…`);
		expect(cut(`x${family}yz`, family.length)).toBe('x…');
	});

	it('cuts without a mark where none fits (names)', () => {
		expect(cut('abc😀', 4, '')).toBe('abc');
	});

	it('cuts inside a cluster too long to keep, between its code points', () => {
		const zalgo = `a${'\u0301'.repeat(50)}`;
		expect(cut(zalgo, 10)).toBe(`a${'\u0301'.repeat(8)}…`);
	});

	it('fits every cut within the limit for any position of an emoji', () => {
		for (let at = 0; at < 12; at++) {
			const text = `${'x'.repeat(at)}🇫🇷😀${'y'.repeat(12)}`;
			for (let max = 1; max < text.length; max++) {
				const shown = cut(text, max);
				expect(shown.length).toBeLessThanOrEqual(max);
				expect(hasLoneSurrogate(shown)).toBe(false);
			}
		}
	});
});
