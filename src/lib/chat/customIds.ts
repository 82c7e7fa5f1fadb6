/**
 * Every custom ID the bot puts on a component or modal, encoded and checked in one place. A version
 * prefix lets a later format coexist with messages posted by an older one; Discord caps IDs at 100
 * characters. Decoding is strict: anything else (forged, foreign, old) is null.
 */
export type CustomId =
	/** A panel's button for one category (panel 0: a button outside any panel). */
	| { kind: 'open'; panelId: number; categoryId: number }
	/** A panel's category select menu. */
	| { kind: 'pick'; panelId: number }
	/** The creation form of a category. */
	| { kind: 'form'; panelId: number; categoryId: number }
	/** The button under a captcha image that opens the code form. */
	| { kind: 'captcha'; panelId: number; categoryId: number }
	/** The captcha code form. */
	| { kind: 'solve'; panelId: number; categoryId: number }
	/** A ticket's claim and close buttons, and the close form. */
	| { kind: 'claim' | 'close' | 'closing'; ticketId: number }
	/** A star button under a closed ticket, and the comment form behind it. */
	| { kind: 'rate' | 'rating'; ticketId: number; stars: number }
	/** The confirmation button of a hard delete. */
	| { kind: 'purge'; ticketId: number }
	/** A page of /ticket list: the page and the filters it was asked with (0: no filter). */
	| { kind: 'list'; page: number; status: number; categoryId: number; userId: string }
	/** A page of /security events: the page, the event type filter (0: any) and the member filter ('0': anyone). */
	| { kind: 'security'; page: number; type: number; userId: string }
	/** A control of the /admin setup wizard: the step it belongs to and which control (9: go to that step). */
	| { kind: 'setup'; step: number; control: number };

const VERSION = 't1';
const MAX_LENGTH = 100;
const PATTERN = /^t1:(open|pick|form|captcha|solve|claim|close|closing|rate|rating|purge):(\d{1,12})(?::(\d{1,12}))?$/;
const LIST_PATTERN = /^t1:list:(\d{1,4}):([0-3]):(\d{1,12}):(0|\d{17,20})$/;
const SECURITY_PATTERN = /^t1:security:(\d{1,4}):(\d{1,2}):(0|\d{17,20})$/;
const SETUP_PATTERN = /^t1:setup:([1-9]):([0-9])$/;
const SINGLE = new Set(['pick', 'claim', 'close', 'closing', 'purge']);

export function encodeCustomId(id: CustomId): string {
	const parts =
		id.kind === 'list'
			? [id.page, id.status, id.categoryId, id.userId]
			: id.kind === 'security'
				? [id.page, id.type, id.userId]
				: id.kind === 'setup'
					? [id.step, id.control]
					: id.kind === 'pick'
						? [id.panelId]
						: 'stars' in id
							? [id.ticketId, id.stars]
							: 'ticketId' in id
								? [id.ticketId]
								: [id.panelId, id.categoryId];
	const encoded = [VERSION, id.kind, ...parts].join(':');
	if (encoded.length > MAX_LENGTH) throw new RangeError(`custom ID longer than ${MAX_LENGTH} characters: ${encoded}`);
	return encoded;
}

export function decodeCustomId(raw: string): CustomId | null {
	const list = LIST_PATTERN.exec(raw);
	if (list)
		return { kind: 'list', page: Number(list[1]), status: Number(list[2]), categoryId: Number(list[3]), userId: list[4]! };
	const setup = SETUP_PATTERN.exec(raw);
	if (setup) return { kind: 'setup', step: Number(setup[1]), control: Number(setup[2]) };
	const security = SECURITY_PATTERN.exec(raw);
	if (security) return { kind: 'security', page: Number(security[1]), type: Number(security[2]), userId: security[3]! };
	const match = PATTERN.exec(raw);
	if (!match) return null;
	const [, kind, first, second] = match;
	const panelId = Number(first);
	if (SINGLE.has(kind!)) {
		if (second !== undefined) return null;
		return kind === 'pick' ? { kind, panelId } : { kind: kind as 'claim' | 'close' | 'closing' | 'purge', ticketId: panelId };
	}
	if (second === undefined) return null;
	if (kind === 'rate' || kind === 'rating') {
		const stars = Number(second);
		return stars >= 1 && stars <= 5 ? { kind, ticketId: panelId, stars } : null;
	}
	return { kind: kind as 'open' | 'form' | 'captcha' | 'solve', panelId, categoryId: Number(second) };
}
