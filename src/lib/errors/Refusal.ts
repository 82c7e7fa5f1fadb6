import type { TranslationKey } from '../i18n/languageKeys.js';
import { notice, type KeyArgs, type Notice, type NoticeArg, type NoticeArgs } from '../i18n/notice.js';

/**
 * What the user did cannot be done, and the notice says why and what to do instead. Every surface shows
 * it to the user in their words (an ephemeral reply, an API error body); it is never logged as a bug.
 */
export class Refusal extends Error {
	public override readonly name = 'Refusal';

	public constructor(public readonly notice: Notice) {
		super(`refused: ${notice.key}`);
	}
}

/** Refuses with this key and its arguments (the compiler checks them against the key). */
export function refuse<Args extends object>(key: TranslationKey<Args>, ...args: KeyArgs<NoticeArgs<Args>>): never {
	throw new Refusal(
		(notice as (key: string, args?: Record<string, NoticeArg>) => Notice)(key, args[0] as Record<string, NoticeArg>)
	);
}
