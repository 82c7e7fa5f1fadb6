import type { TFunction } from 'i18next';
import type { TranslationKey } from './languageKeys.js';

/** The arguments a key takes: nothing for a key without placeholders, else every one of them. */
export type KeyArgs<Args extends object> = [keyof Args] extends [never] ? [] : [args: Args];

/** A translator whose every call the compiler checks: the key's placeholders, no more and no fewer. */
export type Translate = <Args extends object>(key: TranslationKey<Args>, ...args: KeyArgs<Args>) => string;

/** An i18next translator seen through the checked signature (the same function at run time). */
export function checkedTranslator(t: TFunction): Translate {
	return t as unknown as Translate;
}

/** Text a user wrote, shown inside a translated message: each surface escapes and bounds it its own way. */
export interface UserText {
	readonly userText: string;
	/** At most this many characters are shown. */
	readonly max: number;
	/** Shown as code (a tag, a name): set apart, never formatted. */
	readonly code?: boolean;
}

/** User texts shown one after the other (tags, names). */
export interface UserList {
	readonly items: readonly UserText[];
	readonly separator: string;
}

export type NoticeArg = string | number | Notice | UserText | UserList;

/**
 * A message not yet in any language: a key and its arguments, which may be other notices (a priority's
 * name) or user text. Use cases and refusals return notices; each surface renders them for its reader.
 */
export interface Notice {
	readonly key: TranslationKey<object>;
	readonly args: Readonly<Record<string, NoticeArg>>;
}

export type NoticeArgs<Args extends object> = { [K in keyof Args]: Args[K] | Notice | UserText | UserList };

export function notice<Args extends object>(key: TranslationKey<Args>, ...args: KeyArgs<NoticeArgs<Args>>): Notice {
	return { key, args: (args[0] ?? {}) as Record<string, NoticeArg> };
}

export function userWritten(text: string, max: number, options: { code?: boolean } = {}): UserText {
	return { userText: text, max, ...(options.code ? { code: true } : {}) };
}

function isNotice(value: Notice | UserText): value is Notice {
	return 'key' in value;
}

export function userList(items: readonly UserText[], separator = ', '): UserList {
	return { items, separator };
}

function shown(value: NoticeArg, t: Translate, showUserText: (text: UserText) => string): string | number {
	if (typeof value !== 'object') return value;
	if ('items' in value) return value.items.map(showUserText).join(value.separator);
	return isNotice(value) ? renderNotice(t, value, showUserText) : showUserText(value);
}

/** Renders a notice with a translator; user text goes through the surface's own escaping. */
export function renderNotice(t: Translate, message: Notice, showUserText: (text: UserText) => string): string {
	const args: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(message.args)) args[name] = shown(value, t, showUserText);
	return (t as unknown as (key: string, args: object) => string)(message.key, args);
}
