import i18next from 'i18next';
import { loadLanguages } from '../lib/i18n/loadLanguages.js';
import { closestLocale, FALLBACK_LOCALE, type SupportedLocale } from '../lib/i18n/locales.js';
import { checkedTranslator, renderNotice, type Notice, type Translate } from '../lib/i18n/notice.js';
import { cut } from '../lib/text/cut.js';

export interface WebLanguage {
	locale: SupportedLocale;
	t: Translate;
}

/** The first language of the browser's Accept-Language the bot has, else English. */
export function localeOf(acceptLanguage: string | undefined): SupportedLocale {
	for (const part of (acceptLanguage ?? '').split(',')) {
		const locale = closestLocale(part.split(';')[0]!.trim());
		if (locale) return locale;
	}
	return FALLBACK_LOCALE;
}

/** The bot's languages/ folder, loaded once for the dashboard: a translator per request's language. */
export async function webLanguages(): Promise<(acceptLanguage: string | undefined) => WebLanguage> {
	const instance = i18next.createInstance();
	await instance.init({
		resources: await loadLanguages(),
		fallbackLng: FALLBACK_LOCALE,
		interpolation: { escapeValue: false },
		returnNull: false,
		showSupportNotice: false
	});
	const translators = new Map<SupportedLocale, Translate>();
	return (acceptLanguage) => {
		const locale = localeOf(acceptLanguage);
		let t = translators.get(locale);
		if (!t) translators.set(locale, (t = checkedTranslator(instance.getFixedT(locale))));
		return { locale, t };
	};
}

/** Names for the Discord markup a notice may carry (mentions), as a page shows them. */
export interface WebNames {
	user(id: string): string;
	role(id: string): string;
	channel(id: string): string;
}

/**
 * A notice (a use case's answer or a refusal) as plain text for a page: user text as written (the page
 * template escapes it), and the Discord markup it was written with turned into words: mentions into
 * names, timestamps into dates, bold and code marks dropped.
 */
export function webText(t: Translate, message: Notice, names: WebNames, locale: SupportedLocale): string {
	const text = renderNotice(t, message, (shown) => cut(shown.userText, shown.max));
	return text
		.replace(/<@!?(\d{17,20})>/g, (_all, id: string) => `@${names.user(id)}`)
		.replace(/<@&(\d{17,20})>/g, (_all, id: string) => `@${names.role(id)}`)
		.replace(/<#(\d{17,20})>/g, (_all, id: string) => `#${names.channel(id)}`)
		.replace(/<t:(\d+)(?::\w)?>/g, (_all, seconds: string) =>
			new Date(Number(seconds) * 1000).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
		)
		.replace(/\*\*|__|`/g, '');
}
