import { patternProblem } from '../text/safePattern.js';
import { PRIORITIES, type Priority } from '../config/schema.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { refuse } from '../errors/Refusal.js';

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 32;
export const MAX_QUESTIONS = 5;

/** "a, b,,B , c" → ["a", "b", "c"]: trimmed, deduplicated (case-insensitively), bounded. */
export function parseTags(text: string): string[] {
	const seen = new Map<string, string>();
	for (const raw of text.split(',')) {
		const tag = raw.trim().replace(/\s+/g, ' ');
		if (!tag) continue;
		if (tag.length > MAX_TAG_LENGTH) refuse(LanguageKeys.Categories.TagTooLong, { tag: tag.slice(0, 40), max: MAX_TAG_LENGTH });
		if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
	}
	if (seen.size > MAX_TAGS) refuse(LanguageKeys.Categories.TooManyTags, { max: MAX_TAGS });
	return [...seen.values()];
}

export function parsePriority(text: string): Priority {
	const value = text.trim().toLowerCase();
	if (!(PRIORITIES as readonly string[]).includes(value)) {
		refuse(LanguageKeys.Errors.InvalidChoice, { argument: 'priority', choices: PRIORITIES.join(', ') });
	}
	return value as Priority;
}

export interface QuestionInput {
	label: string;
	style: 'short' | 'paragraph';
	required: boolean;
	minLength: number | null;
	maxLength: number | null;
	pattern: string | null;
}

/**
 * Questions written on one line, separated by ";": `Label | paragraph | optional | 10-500 | /^regex$/`.
 * After the label the parts may come in any order; all are optional.
 */
export function parseQuestions(text: string): QuestionInput[] {
	const entries = text
		.split(';')
		.map((entry) => entry.trim())
		.filter(Boolean);
	if (entries.length > MAX_QUESTIONS) refuse(LanguageKeys.Categories.TooManyQuestions, { max: MAX_QUESTIONS });
	return entries.map((entry) => {
		const [label = '', ...parts] = entry.split('|').map((part) => part.trim());
		if (label.length < 1 || label.length > 45) refuse(LanguageKeys.Categories.BadQuestion, { question: entry.slice(0, 60) });
		const question: QuestionInput = { label, style: 'short', required: true, minLength: null, maxLength: null, pattern: null };
		for (const part of parts) {
			const range = /^(\d{1,4})?-(\d{1,4})?$/.exec(part);
			if (part === 'short' || part === 'paragraph') question.style = part;
			else if (part === 'optional' || part === 'required') question.required = part === 'required';
			else if (range) {
				question.minLength = range[1] ? Number(range[1]) : null;
				question.maxLength = range[2] ? Number(range[2]) : null;
			} else if (part.length > 2 && part.startsWith('/') && part.endsWith('/')) {
				const pattern = part.slice(1, -1);
				const problem = patternProblem(pattern);
				if (problem === 'slow')
					refuse(LanguageKeys.Categories.SlowPattern, {
						question: label.slice(0, 45),
						pattern: pattern.slice(0, 60).replaceAll('`', "'")
					});
				if (problem) refuse(LanguageKeys.Categories.BadQuestion, { question: entry.slice(0, 60) });
				question.pattern = pattern;
			} else refuse(LanguageKeys.Categories.BadQuestion, { question: entry.slice(0, 60) });
		}
		const { minLength, maxLength } = question;
		if (
			(maxLength !== null && (maxLength < 1 || maxLength > 4000)) ||
			(minLength !== null && maxLength !== null && minLength > maxLength)
		) {
			refuse(LanguageKeys.Categories.BadQuestion, { question: entry.slice(0, 60) });
		}
		return question;
	});
}
