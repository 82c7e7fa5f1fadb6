import { describe, expect, it } from 'vitest';
import { isEmoji } from '../../src/lib/text/emoji.js';

describe('emoji check', () => {
	it('accepts one Unicode emoji of any kind, and custom emoji as Discord writes them', () => {
		for (const emoji of ['🎫', '👍🏽', '👨‍👩‍👧', '🇫🇷', '1️⃣', '#️⃣', '❤️', '<:ticket:123456789012345678>', '<a:spin:123456789012345678>'])
			expect(isEmoji(emoji), emoji).toBe(true);
	});

	it('refuses text, several emoji, shortcodes and malformed custom emoji', () => {
		for (const text of [
			'',
			'a',
			'ticket',
			':ticket:',
			'🎫🎫',
			'🎫 ',
			'<:x:1>',
			'<:ticket:12>',
			'<:bad name:123456789012345678>',
			'@everyone',
			'<script>'
		])
			expect(isEmoji(text), text).toBe(false);
	});
});
