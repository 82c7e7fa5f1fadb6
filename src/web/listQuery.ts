import { PRIORITIES } from '../lib/model/priorities.js';
import { LIST_STATUSES, type ListQuery } from '../lib/tickets/list.js';

/** The list's filters as the page's form and links carry them (strings, as typed). */
export interface ListForm {
	status: string;
	category: string;
	priority: string;
	claimer: string;
	opener: string;
	from: string;
	before: string;
	/** Words to find in the answers and messages. */
	q: string;
	page: string;
}

const FIELDS = ['q', 'status', 'category', 'priority', 'claimer', 'opener', 'from', 'before', 'page'] as const;
const LONGEST = 40;
const LONGEST_SEARCH = 200;
const SNOWFLAKE = /^\d{17,20}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the browser sent, each field a string (anything else is dropped). */
export function listForm(query: Record<string, unknown>): ListForm {
	const form = {} as ListForm;
	for (const field of FIELDS) {
		const value = query[field];
		form[field] = typeof value === 'string' ? [...value.trim()].slice(0, field === 'q' ? LONGEST_SEARCH : LONGEST).join('') : '';
	}
	return form;
}

const day = (text: string) =>
	DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? new Date(`${text}T00:00:00Z`) : undefined;

/**
 * The form as the list use case's query: a value that is not one the list knows (a status, a priority, an
 * ID, a date) filters nothing, as if left empty; `me` as the claimer is the reader.
 */
export function listQuery(form: ListForm, readerId: string): ListQuery {
	const before = day(form.before);
	return {
		page: Math.max(1, Math.min(9999, Number.parseInt(form.page, 10) || 1)) - 1,
		status: Math.max(0, LIST_STATUSES.indexOf(form.status as (typeof LIST_STATUSES)[number])),
		categoryId: /^\d{1,9}$/.test(form.category) ? Number(form.category) : 0,
		userId: SNOWFLAKE.test(form.opener) ? form.opener : '0',
		more: {
			priority: (PRIORITIES as readonly string[]).includes(form.priority) ? form.priority : undefined,
			claimedById: form.claimer === 'me' ? readerId : SNOWFLAKE.test(form.claimer) ? form.claimer : undefined,
			openedFrom: day(form.from),
			// "Before" the day typed includes that day.
			openedBefore: before ? new Date(before.getTime() + 86_400_000) : undefined,
			text: form.q || undefined
		}
	};
}

/** The list's address with these filters and this page (empty filters left out). */
export function listLink(guildId: string, form: ListForm, changes: Partial<ListForm> = {}): string {
	const merged = { ...form, ...changes };
	const params = new URLSearchParams();
	for (const field of FIELDS) if (merged[field]) params.set(field, merged[field]);
	const query = params.toString();
	return `/g/${guildId}${query ? `?${query}` : ''}`;
}
