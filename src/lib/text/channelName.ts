const MAX_LENGTH = 100;

const PLACEHOLDERS = ['{number}', '{username}', '{category}'];

/** What is wrong with a channel name pattern: no {number} (names would repeat), or an unknown {placeholder}. */
export function channelPatternProblem(pattern: string): 'number' | 'placeholder' | null {
	if (!pattern.includes('{number}')) return 'number';
	const unknown = (pattern.match(/\{[^{}]*\}/g) ?? []).some((placeholder) => !PLACEHOLDERS.includes(placeholder));
	return unknown ? 'placeholder' : null;
}

export interface ChannelNameParts {
	number: number;
	username: string;
	category: string;
	anonymous: boolean;
}

/**
 * A Discord text channel name from the guild's pattern ({number}, {username}, {category}): lowercase
 * letters, digits, - and _, accents folded, emoji, mentions and symbols dropped, at most 100 characters.
 * The number is always kept, so two tickets never share a name; anonymous tickets never show the user.
 */
export function ticketChannelName(pattern: string, parts: ChannelNameParts): string {
	const number = String(parts.number).padStart(4, '0');
	const fill = (template: string) =>
		template
			.replaceAll('{username}', parts.anonymous ? 'anonymous' : slug(parts.username))
			.replaceAll('{category}', slug(parts.category))
			.replaceAll('{number}', '\u0000');
	let name = slug(fill(pattern.includes('{number}') ? pattern : `${pattern}-{number}`)).replaceAll('nnumbern', number);
	if (!name.includes(number)) name = `ticket-${number}`;
	if (name.length > MAX_LENGTH) {
		// Trim the words around the number, never the number itself.
		const [before = '', after = ''] = name.split(number);
		const room = MAX_LENGTH - number.length;
		const head = before.slice(0, Math.max(0, room - Math.min(after.length, Math.floor(room / 2))));
		name = `${head}${number}${after.slice(0, room - head.length)}`;
	}
	return name.replace(/^[-_]+|[-_]+$/g, '') || `ticket-${number}`;
}

/** Lowercase ASCII letters, digits, - and _ only. The number placeholder survives as "nnumbern". */
function slug(text: string): string {
	return text
		.replaceAll('\u0000', 'nnumbern')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/<[@#][!&]?\d+>/g, '')
		.replace(/[^a-z0-9_-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** A channel name a staff member typed for a rename: the same rules; nothing usable gives ticket-<number>. */
export function sanitizeChannelName(requested: string, number: number): string {
	const name = slug(requested)
		.slice(0, MAX_LENGTH)
		.replace(/^[-_]+|[-_]+$/g, '');
	return name || `ticket-${String(number).padStart(4, '0')}`;
}
