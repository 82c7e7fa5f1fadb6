import type { QuestionInput } from '../categories/parse.js';
import { matchesPattern } from '../text/safePattern.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, type Notice } from '../i18n/notice.js';

export interface Answer {
	question: string;
	answer: string;
}

/** The answers' own words, one a line, for search (the questions are the category's, the same on every ticket). */
export function answersText(answers: readonly Answer[]): string {
	return answers
		.map((entry) => entry.answer.trim())
		.filter(Boolean)
		.join('\n');
}

/** Checks modal answers against the category's questions (Discord checks lengths too, but a client can lie). */
export function checkAnswers(
	questions: readonly QuestionInput[],
	values: readonly string[]
): { answers: Answer[] } | { refusal: Notice } {
	const answers: Answer[] = [];
	for (const [index, question] of questions.entries()) {
		const answer = (values[index] ?? '').trim();
		const field = question.label;
		if (!answer) {
			if (question.required) return { refusal: notice(LanguageKeys.Tickets.FieldRequired, { field }) };
			answers.push({ question: field, answer: '' });
			continue;
		}
		const min = question.minLength ?? 0;
		const max = question.maxLength ?? 4000;
		if (answer.length < min || answer.length > max)
			return { refusal: notice(LanguageKeys.Tickets.FieldLength, { field, min, max }) };
		if (question.pattern && !matchesPattern(question.pattern, answer))
			return { refusal: notice(LanguageKeys.Tickets.FieldPattern, { field }) };
		answers.push({ question: field, answer });
	}
	return { answers };
}
