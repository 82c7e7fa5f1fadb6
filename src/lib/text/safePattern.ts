import { createContext, runInContext } from 'node:vm';

/** Patterns longer than this are refused outright. */
export const MAX_PATTERN_LENGTH = 200;
/** The longest a pattern may run on one answer before it counts as not matching. */
const MATCH_TIMEOUT_MS = 50;

export type PatternProblem = 'invalid' | 'slow';

interface Group {
	/** The group holds a quantifier or an alternation: repeating it can backtrack exponentially. */
	risky: boolean;
}

/**
 * Why an admin's pattern cannot be used, or null. Besides syntax, it refuses the shapes that make a
 * regular expression backtrack exponentially: a repeated group that itself holds a repetition or an
 * alternation (`(a+)+`, `(a|aa)*`, `(\w+\s?)*`) and backreferences. Conservative on purpose.
 */
export function patternProblem(pattern: string): PatternProblem | null {
	if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return 'invalid';
	try {
		new RegExp(pattern, 'u');
	} catch {
		return 'invalid';
	}
	const stack: Group[] = [{ risky: false }];
	let inClass = false;
	for (let index = 0; index < pattern.length; index++) {
		const character = pattern[index]!;
		if (character === '\\') {
			const next = pattern[index + 1] ?? '';
			if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'slow';
			index++;
			continue;
		}
		if (inClass) {
			if (character === ']') inClass = false;
			continue;
		}
		if (character === '[') inClass = true;
		else if (character === '(') stack.push({ risky: false });
		else if (character === '|') stack.at(-1)!.risky = true;
		else if (character === ')') {
			const group = stack.pop()!;
			const repeats = repeatsAt(pattern, index + 1);
			if (repeats && group.risky) return 'slow';
			if (group.risky || repeats) stack.at(-1)!.risky = true;
		} else if (repeatsAt(pattern, index) || character === '?') {
			if (character !== '?') stack.at(-1)!.risky = true;
		}
	}
	return null;
}

/** Whether a quantifier that allows more than one repetition starts here (`*`, `+`, `{n,}`, `{n,m}` with m > 1). */
function repeatsAt(pattern: string, index: number): boolean {
	const character = pattern[index];
	if (character === '*' || character === '+') return true;
	if (character !== '{') return false;
	const bounds = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
	if (!bounds) return false;
	if (bounds[2] === undefined) return Number(bounds[1]) > 1;
	return bounds[3] === '' || Number(bounds[3]) > 1;
}

const sandbox = createContext({ pattern: '', text: '' });

/**
 * Tests an answer against an admin's pattern with a time limit, so no pattern can hold up the bot:
 * a test that runs too long counts as a mismatch.
 */
export function matchesPattern(pattern: string, text: string): boolean {
	sandbox.pattern = pattern;
	sandbox.text = text;
	try {
		return runInContext('new RegExp(pattern, "u").test(text)', sandbox, { timeout: MATCH_TIMEOUT_MS }) === true;
	} catch {
		return false;
	}
}
