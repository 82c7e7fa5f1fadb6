/** A form as @fastify/formbody parses it: a field sent many times (ticked boxes) is a list. */
export type Form = Record<string, string | string[] | undefined>;

/** A field's text, trimmed ('' when absent or sent many times). */
export function text(form: Form, name: string): string {
	const value = form[name];
	return typeof value === 'string' ? value.trim() : '';
}

/** The values of a field a form may send many times (ticked boxes), comma-separated. */
export function list(form: Form, name: string): string {
	const value = form[name];
	return (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).join(',');
}

/** A number typed in a form: NaN when it is not one, which the use case refuses by name. */
export function integer(form: Form, name: string): number {
	return /^-?\d{1,9}$/.test(text(form, name)) ? Number(text(form, name)) : Number.NaN;
}
