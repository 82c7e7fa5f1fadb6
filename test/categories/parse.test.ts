import { describe, expect, it } from 'vitest';
import { parseRoleInput, type RoleCheck } from '../../src/lib/access/roles.js';
import { parseQuestions, parseTags } from '../../src/lib/categories/parse.js';
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
		const guildId = '900000000000000000';
		const problems: Record<string, ReturnType<RoleCheck['problem']>> = {
			'300000000000000001': 'managed',
			'300000000000000002': 'above-bot',
			'300000000000000003': 'unknown'
		};
		const check: RoleCheck = { problem: (guild, role) => (role === guild ? 'everyone' : (problems[role] ?? null)) };
		const parse = (text: string) => parseRoleInput(text, guildId, check);
		expect(parse('<@&123456789012345678>, 223456789012345678 <@&123456789012345678>')).toEqual([
			'123456789012345678',
			'223456789012345678'
		]);
		expect(identifierOf(() => parse('@Support'))).toBe('categories:badRole');
		for (const everyone of ['@everyone', 'everyone', guildId, `<@&${guildId}>`])
			expect(identifierOf(() => parse(`123456789012345678 ${everyone}`))).toBe('roles:everyone');
		expect(identifierOf(() => parse('<@&300000000000000001>'))).toBe('roles:managed');
		expect(identifierOf(() => parse('300000000000000002'))).toBe('roles:aboveBot');
		expect(identifierOf(() => parse('300000000000000003'))).toBe('categories:unknownRole');
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
