import type { QuestionInput } from '../categories/parse.js';
import { matchesPattern } from '../categories/safePattern.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { Refusal } from './guards.js';

export interface Answer {
	question: string;
	answer: string;
}

/** Checks modal answers against the category's questions (Discord checks lengths too, but a client can lie). */
export function checkAnswers(
	questions: readonly QuestionInput[],
	values: readonly string[]
): { answers: Answer[] } | { refusal: Refusal } {
	const answers: Answer[] = [];
	for (const [index, question] of questions.entries()) {
		const answer = (values[index] ?? '').trim();
		const field = question.label;
		if (!answer) {
			if (question.required) return { refusal: { key: LanguageKeys.Tickets.FieldRequired, args: { field } } };
			answers.push({ question: field, answer: '' });
			continue;
		}
		const min = question.minLength ?? 0;
		const max = question.maxLength ?? 4000;
		if (answer.length < min || answer.length > max)
			return { refusal: { key: LanguageKeys.Tickets.FieldLength, args: { field, min, max } } };
		if (question.pattern && !matchesPattern(question.pattern, answer))
			return { refusal: { key: LanguageKeys.Tickets.FieldPattern, args: { field } } };
		answers.push({ question: field, answer });
	}
	return { answers };
}
