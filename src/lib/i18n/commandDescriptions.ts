import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES_DIRECTORY } from './loadLanguages.js';
import { FALLBACK_LOCALE, SUPPORTED_LOCALES, type SupportedLocale } from './locales.js';

/** The file of each locale folder that translates slash command descriptions. */
export const COMMANDS_FILE = 'commands.json';

/** A description's place: the command, its subcommand, its option ("ticket close reason"). */
export type CommandPath = readonly string[];

/** Translated descriptions by locale, each keyed by its path joined with spaces. */
export type CommandTranslations = ReadonlyMap<SupportedLocale, Readonly<Record<string, string>>>;

/**
 * Reads languages/<locale>/commands.json for every locale but English: the English descriptions are
 * written in the command definitions themselves, and Discord shows each user the one of their client's
 * language, falling back to English.
 */
export function loadCommandTranslations(directory = LANGUAGES_DIRECTORY): CommandTranslations {
	const translations = new Map<SupportedLocale, Record<string, string>>();
	for (const locale of SUPPORTED_LOCALES) {
		const file = join(directory, locale, COMMANDS_FILE);
		if (locale === FALLBACK_LOCALE || !existsSync(file)) continue;
		translations.set(locale, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
	}
	return translations;
}

/** Discord's localizations (of a description, or of a choice's name) for one path; null when no locale translates it. */
export function localizationsOf(translations: CommandTranslations, path: CommandPath): Record<string, string> | null {
	const key = path.join(' ');
	const localized: Record<string, string> = {};
	for (const [locale, texts] of translations) if (texts[key]) localized[locale] = texts[key];
	return Object.keys(localized).length ? localized : null;
}
