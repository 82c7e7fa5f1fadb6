import { describe, expect, it } from 'vitest';
import { matchesPattern, patternProblem } from '../../src/lib/text/safePattern.js';

describe('admin patterns', () => {
	it('accepts the patterns forms need', () => {
		for (const pattern of [
			'^[A-Za-z0-9-]+$',
			'^\\d{3}-\\d{4}$',
			'^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
			'^(?:ORD|INV)-\\d+$',
			'^(https?://)?example\\.com/.*$',
			'^[\\p{L} ]{2,40}$',
			'^(a|b)$',
			'^(ab)?c+$'
		])
			expect(patternProblem(pattern), pattern).toBeNull();
	});

	it('refuses patterns that backtrack exponentially, and invalid ones', () => {
		for (const pattern of [
			'^(a+)+$',
			'(a*)*',
			'(a|aa)+',
			'(\\w+\\s?)*$',
			'^(x+x+)+y$',
			'((ab)*)+',
			'(a{1,5}){2,}',
			'(a)\\1',
			'(?<n>a)\\k<n>'
		])
			expect(patternProblem(pattern), pattern).toBe('slow');
		for (const pattern of ['', '(', '[a-', 'x'.repeat(201)]) expect(patternProblem(pattern), pattern).toBe('invalid');
	});

	// Unguarded, this test would not end: (a+)+ on 40 a's and a b takes about 2^40 steps.
	it('stops a pattern that runs too long and counts it as a mismatch', () => {
		expect(matchesPattern('^(a+)+$', `${'a'.repeat(40)}b`)).toBe(false);
		expect(matchesPattern('^[A-Z]+-\\d+$', 'ORD-12')).toBe(true);
		expect(matchesPattern('^[A-Z]+-\\d+$', 'ord-12')).toBe(false);
	});
});
