/** Markup the templates built: the only thing a page accepts unescaped. */
export class Html {
	public constructor(public readonly text: string) {}

	public toString(): string {
		return this.text;
	}
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text as HTML that shows it and nothing else, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"'`]/g, (char) => ENTITIES[char]!);
}

function render(value: HtmlValue): string {
	if (value === null || value === undefined || value === false) return '';
	if (value instanceof Html) return value.text;
	if (Array.isArray(value)) return value.map(render).join('');
	return escapeHtml(String(value));
}

/**
 * The page template tag: every interpolated value is escaped unless it is Html a template made, so
 * user text (names, reasons, answers) can never become markup. Lists render item after item.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
	let text = strings[0]!;
	for (const [index, value] of values.entries()) text += render(value) + strings[index + 1]!;
	return new Html(text);
}
