import type { z } from 'zod';

/** A configuration problem the operator must fix; its message is one line and never a stack trace. */
export class ConfigError extends Error {
	public override readonly name = 'ConfigError';
}

const SECRET_KEYS = /TOKEN|PASSWORD|SECRET|WEBHOOK/i;

/** Turns the first zod issue into "source: key = value: what is allowed". Secret values are not echoed. */
export function describeIssues(source: string, error: z.ZodError, input: unknown): string {
	const [issue, ...rest] = error.issues;
	if (!issue) return `${source}: invalid`;
	const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
	if (issue.code === 'unrecognized_keys') {
		const prefix = issue.path.length > 0 ? `${issue.path.join('.')}.` : '';
		return `${source}: unknown key ${issue.keys.map((key) => `${prefix}${key}`).join(', ')}: remove it or check its spelling${more}`;
	}
	// A value transformed before validation (a comma list) is reported as the text the operator wrote.
	const { path, value } = valueAt(input, issue.path);
	const key = path.join('.') || '(root)';
	const shown = value === undefined ? 'missing' : SECRET_KEYS.test(key) ? '(hidden)' : JSON.stringify(value);
	return `${source}: ${key} = ${shown}: ${issue.message}${more}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { path: PropertyKey[]; value: unknown } {
	let current = input;
	const walked: PropertyKey[] = [];
	for (const segment of path) {
		if (current === null || current === undefined) return { path: [...path], value: undefined };
		if (typeof current !== 'object') break;
		current = (current as Record<PropertyKey, unknown>)[segment];
		walked.push(segment);
	}
	return { path: walked, value: current };
}
