/**
 * Every custom ID the bot puts on a component or modal, each kind declared once: its tag on the wire and
 * its fields, with the range each field may take. Encoding checks a value against the same declaration
 * decoding reads, so the bot can never write an ID it would refuse. The version prefix lets a later
 * format coexist with messages an older one posted; Discord caps IDs at 100 characters. Anything else
 * (forged, foreign, old) decodes to null.
 */

type Field = { type: 'int'; min: number; max: number } | { type: 'snowflake'; orZero: boolean };

const id = { type: 'int', min: 0, max: 999_999_999_999 } as const;
const stars = { type: 'int', min: 1, max: 5 } as const;
const page = { type: 'int', min: 0, max: 9999 } as const;
const user = { type: 'snowflake', orZero: false } as const;
const snowflake = user;
const anyUser = { type: 'snowflake', orZero: true } as const;

const KINDS = {
	/** A panel's button for one category (panel 0: a button outside any panel). */
	panelButton: { tag: 'open', fields: { panelId: id, categoryId: id } },
	/** A panel's category select menu. */
	panelMenu: { tag: 'pick', fields: { panelId: id } },
	/** The creation form of a category. */
	creationForm: { tag: 'form', fields: { panelId: id, categoryId: id } },
	/** The button under a captcha image that opens the code form. */
	captchaButton: { tag: 'captcha', fields: { panelId: id, categoryId: id } },
	/** The captcha code form. */
	captchaForm: { tag: 'solve', fields: { panelId: id, categoryId: id } },
	/** A ticket's Claim button. */
	claimButton: { tag: 'claim', fields: { ticketId: id } },
	/** A ticket's Close button, and the close form behind it. */
	closeButton: { tag: 'close', fields: { ticketId: id } },
	closeForm: { tag: 'closing', fields: { ticketId: id } },
	/** A star button under a closed ticket, and the comment form behind it. */
	rateButton: { tag: 'rate', fields: { ticketId: id, stars } },
	ratingForm: { tag: 'rating', fields: { ticketId: id, stars } },
	/** The opener's answer to a close request: close (1) or keep open (0). */
	closeRequestButton: { tag: 'closereq', fields: { ticketId: id, accept: { type: 'int', min: 0, max: 1 } } },
	/** The category menu of "Open a ticket about this": the message it is about. */
	messageTicketMenu: { tag: 'msgticket', fields: { channelId: snowflake, messageId: snowflake } },
	/** The form of /snippet add (0: a new snippet, its name a field) or edit (the snippet's ID): multi-line text. */
	snippetForm: { tag: 'snippet', fields: { snippetId: id } },
	/** The confirmation button of a hard delete. */
	purgeButton: { tag: 'purge', fields: { ticketId: id } },
	/** A page of /ticket list: the page, the filters it was asked with (0: none) and who asked for it. */
	listPage: {
		tag: 'list',
		fields: { page, status: { type: 'int', min: 0, max: 3 }, categoryId: id, userId: anyUser, ownerId: user }
	},
	/** A page of /security events: the page, the event type (0: any), the member ('0': anyone) and who asked. */
	securityPage: { tag: 'security', fields: { page, type: { type: 'int', min: 0, max: 99 }, userId: anyUser, ownerId: user } },
	/** A control of the /admin setup wizard: its step and which control (9: go to that step). */
	setupControl: { tag: 'setup', fields: { step: { type: 'int', min: 1, max: 9 }, control: { type: 'int', min: 0, max: 9 } } }
} as const satisfies Record<string, { tag: string; fields: Record<string, Field> }>;

type Kinds = typeof KINDS;
export type CustomIdKind = keyof Kinds;
type FieldValue<F> = F extends { type: 'snowflake' } ? string : number;
export type CustomIdOf<K extends CustomIdKind> = { kind: K } & {
	[P in keyof Kinds[K]['fields']]: FieldValue<Kinds[K]['fields'][P]>;
};
export type CustomId = { [K in CustomIdKind]: CustomIdOf<K> }[CustomIdKind];

const VERSION = 't1';
const MAX_LENGTH = 100;
const BY_TAG = new Map(Object.entries(KINDS).map(([kind, spec]) => [spec.tag as string, kind as CustomIdKind]));

function fits(field: Field, value: unknown): boolean {
	if (field.type === 'int')
		return Number.isSafeInteger(value) && (value as number) >= field.min && (value as number) <= field.max;
	return typeof value === 'string' && (/^\d{17,20}$/.test(value) || (field.orZero && value === '0'));
}

function read(field: Field, text: string): number | string | null {
	if (field.type === 'snowflake') return fits(field, text) ? text : null;
	if (!/^\d{1,12}$/.test(text)) return null;
	const value = Number(text);
	return fits(field, value) ? value : null;
}

export function encodeCustomId(value: CustomId): string {
	const spec = KINDS[value.kind];
	const parts = Object.entries(spec.fields).map(([name, field]) => {
		const part = (value as Record<string, unknown>)[name];
		if (!fits(field, part)) throw new RangeError(`custom ID ${value.kind}: ${name} = ${String(part)} is out of range`);
		return String(part);
	});
	const encoded = [VERSION, spec.tag, ...parts].join(':');
	if (encoded.length > MAX_LENGTH) throw new RangeError(`custom ID longer than ${MAX_LENGTH} characters: ${encoded}`);
	return encoded;
}

export function decodeCustomId(raw: string): CustomId | null {
	const [version, tag, ...parts] = raw.split(':');
	const kind = version === VERSION && tag ? BY_TAG.get(tag) : undefined;
	if (!kind) return null;
	const fields = Object.entries(KINDS[kind].fields) as [string, Field][];
	if (parts.length !== fields.length) return null;
	const value: Record<string, unknown> = { kind };
	for (const [index, [name, field]] of fields.entries()) {
		const part = read(field, parts[index]!);
		if (part === null) return null;
		value[name] = part;
	}
	return value as CustomId;
}

/** The ID if it is of this kind, else null. */
export function decodeCustomIdOf<K extends CustomIdKind>(raw: string, kind: K): CustomIdOf<K> | null {
	const decoded = decodeCustomId(raw);
	return decoded?.kind === kind ? (decoded as unknown as CustomIdOf<K>) : null;
}
