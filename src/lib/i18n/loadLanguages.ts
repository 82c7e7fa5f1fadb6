import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** languages/ at the project root, from src/lib/i18n or dist/lib/i18n. */
export const LANGUAGES_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'languages');

export type LanguageResources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads languages/<locale>/<namespace>.json into i18next's resource shape. */
export async function loadLanguages(directory = LANGUAGES_DIRECTORY): Promise<LanguageResources> {
	const resources: LanguageResources = {};
	for (const locale of await readdir(directory)) {
		resources[locale] = {};
		for (const file of await readdir(join(directory, locale))) {
			if (!file.endsWith('.json')) continue;
			resources[locale][file.slice(0, -'.json'.length)] = JSON.parse(await readFile(join(directory, locale, file), 'utf8'));
		}
	}
	return resources;
}
