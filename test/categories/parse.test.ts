import { describe, expect, it } from 'vitest';
import { parseQuestions, parseRoleIds, parseTags } from '../../src/lib/categories/parse.js';
import { Refusal } from '../../src/lib/errors/Refusal.js';

const identifierOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(Refusal);
		return (error as Refusal).notice.key;
	}
	throw new Error('expected a refusal');
};

describe('category input', () => {
	it('trims, deduplicates and bounds tags', () => {
		expect(parseTags(' billing, Refund ,, billing , refund,urgent  case ')).toEqual(['billing', 'Refund', 'urgent case']);
		expect(identifierOf(() => parseTags(Array.from({ length: 11 }, (_, i) => `t${i}`).join(',')))).toBe('categories:tooManyTags');
		expect(identifierOf(() => parseTags('x'.repeat(33)))).toBe('categories:tagTooLong');
	});

	it('reads role mentions and IDs, and refuses anything else', () => {
		expect(parseRoleIds('<@&123456789012345678>, 223456789012345678 <@&123456789012345678>')).toEqual([
			'123456789012345678',
			'223456789012345678'
		]);
		expect(identifierOf(() => parseRoleIds('@Support'))).toBe('categories:badRole');
	});

	it('reads questions written on one line', () => {
		expect(parseQuestions('Order number | 1-40 | /^[0-9]+$/ ; What happened? | paragraph | optional')).toEqual([
			{ label: 'Order number', style: 'short', required: true, minLength: 1, maxLength: 40, pattern: '^[0-9]+$' },
			{ label: 'What happened?', style: 'paragraph', required: false, minLength: null, maxLength: null, pattern: null }
		]);
		expect(identifierOf(() => parseQuestions('A;B;C;D;E;F'))).toBe('categories:tooManyQuestions');
		expect(identifierOf(() => parseQuestions('Label | paragrph'))).toBe('categories:badQuestion');
		expect(identifierOf(() => parseQuestions('Label | 50-10'))).toBe('categories:badQuestion');
		expect(identifierOf(() => parseQuestions('Label | /([/'))).toBe('categories:badQuestion');
		expect(identifierOf(() => parseQuestions('x'.repeat(46)))).toBe('categories:badQuestion');
	});
});
