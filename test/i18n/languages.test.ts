import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS_FILE } from '../../src/lib/i18n/commandDescriptions.js';
import { allLanguageKeys, LanguageKeys } from '../../src/lib/i18n/languageKeys.js';
import { closestLocale, SUPPORTED_LOCALES } from '../../src/lib/i18n/locales.js';
import { loadLanguages, LANGUAGES_DIRECTORY } from '../../src/lib/i18n/loadLanguages.js';
import { createI18n } from '../helpers/i18n.js';

function flatten(tree: Record<string, unknown>, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([key, value]) =>
		typeof value === 'object' && value !== null
			? flatten(value as Record<string, unknown>, `${prefix}${key}.`)
			: [`${prefix}${key}`]
	);
}

describe('languages', () => {
	it('has a folder for exactly the supported locales', () => {
		expect(readdirSync(LANGUAGES_DIRECTORY).sort()).toEqual([...SUPPORTED_LOCALES].sort());
	});

	it('defines every key the code uses, in every locale, with the same placeholders', async () => {
		const resources = await loadLanguages();
		// commands.json translates the slash command descriptions written in English in the definitions:
		// the roundtrip test checks it against the registered commands.
		const keysOf = (locale: string) =>
			Object.entries(resources[locale]!)
				.filter(([namespace]) => `${namespace}.json` !== COMMANDS_FILE)
				.flatMap(([namespace, tree]) => flatten(tree).map((key) => `${namespace}:${key}`));
		const english = keysOf('en-US');
		for (const key of allLanguageKeys()) expect(english).toContain(key);
		for (const locale of SUPPORTED_LOCALES) {
			expect(keysOf(locale).sort(), locale).toEqual([...english].sort());
			for (const key of english) {
				const [namespace, path] = key.split(':') as [string, string];
				const text = (locale: string) =>
					path
						.split('.')
						.reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources[locale]![namespace]) as string;
				const placeholders = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
				expect(placeholders(text(locale)), `${locale} ${key}`).toEqual(placeholders(text('en-US')));
			}
		}
	});

	it('picks the singular or plural form from the count, by each language’s rules', async () => {
		const i18n = await createI18n();
		const english = i18n.getFixedT('en-US');
		const french = i18n.getFixedT('fr');
		expect(english(LanguageKeys.Analytics.ExportReady, { count: 1 })).toBe('1 ticket exported as CSV.');
		expect(english(LanguageKeys.Analytics.ExportReady, { count: 0 })).toBe('0 tickets exported as CSV.');
		expect(english(LanguageKeys.Tickets.MaxOpen, { count: 3, channels: '#a' })).toMatch(/^You already have 3 open tickets: #a\./);
		// In French, 0 and 1 are singular.
		expect(french(LanguageKeys.Analytics.ExportReady, { count: 0 })).toBe('0 ticket exporté en CSV.');
		expect(french(LanguageKeys.Tickets.MaxOpen, { count: 2, channels: '#a' })).toMatch(/^Vous avez déjà 2 tickets ouverts/);
	});

	it('maps Discord locales to the closest supported one', () => {
		expect(closestLocale('fr')).toBe('fr');
		expect(closestLocale('en-GB')).toBe('en-US');
		expect(closestLocale('ja')).toBeUndefined();
		expect(closestLocale(undefined)).toBeUndefined();
	});
});
