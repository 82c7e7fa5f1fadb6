import { LanguageKeys } from '../i18n/languageKeys.js';
import { refuse } from '../errors/Refusal.js';

const CUSTOM = /^<a?:[A-Za-z0-9_]{2,32}:\d{17,20}>$/;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|^[#*0-9]\uFE0F?\u20E3$/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Whether Discord accepts this as a button's or select option's emoji: one Unicode emoji (with skin
 * tones, joiners, flags and keycaps) or a custom emoji written as Discord writes it, `<:name:id>` or
 * `<a:name:id>`.
 */
export function isEmoji(text: string): boolean {
	if (CUSTOM.test(text)) return true;
	if (text.length === 0 || text.length > 32) return false;
	const graphemes = [...segmenter.segment(text)];
	return graphemes.length === 1 && PICTOGRAPH.test(text);
}

/** The emoji an admin gave, trimmed, or a refusal that says what Discord accepts. */
export function parseEmoji(text: string): string {
	const emoji = text.trim();
	if (!isEmoji(emoji)) refuse(LanguageKeys.Panels.BadEmoji, { emoji: emoji.slice(0, 40).replaceAll('`', "'") });
	return emoji;
}
