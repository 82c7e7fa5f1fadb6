import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allLanguageKeys } from '../../src/lib/i18n/languageKeys.js';
import { closestLocale, SUPPORTED_LOCALES } from '../../src/lib/i18n/locales.js';
import { loadLanguages, LANGUAGES_DIRECTORY } from '../../src/lib/i18n/loadLanguages.js';

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
		const keysOf = (locale: string) =>
			Object.entries(resources[locale]!).flatMap(([namespace, tree]) => flatten(tree).map((key) => `${namespace}:${key}`));
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

	it('maps Discord locales to the closest supported one', () => {
		expect(closestLocale('fr')).toBe('fr');
		expect(closestLocale('en-GB')).toBe('en-US');
		expect(closestLocale('ja')).toBeUndefined();
		expect(closestLocale(undefined)).toBeUndefined();
	});
});
