/** Locales with a complete folder under languages/. Names follow Discord's locale codes. */
export const SUPPORTED_LOCALES = ['en-US', 'fr'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const FALLBACK_LOCALE: SupportedLocale = 'en-US';

export function isSupportedLocale(value: string | null | undefined): value is SupportedLocale {
	return (SUPPORTED_LOCALES as readonly string[]).includes(value ?? '');
}

/** Maps a Discord locale (en-GB, fr …) to the closest supported one. */
export function closestLocale(value: string | null | undefined): SupportedLocale | undefined {
	if (!value) return undefined;
	if (isSupportedLocale(value)) return value;
	const language = value.split('-')[0];
	return SUPPORTED_LOCALES.find((locale) => locale.split('-')[0] === language);
}
