import i18next, { type i18n } from 'i18next';
import { loadLanguages } from '../../src/lib/i18n/loadLanguages.js';

/** An i18next instance with the bot's languages/ folder, set up as the bot sets up plugin-i18next. */
export async function createI18n(): Promise<i18n> {
	const instance = i18next.createInstance();
	await instance.init({
		resources: await loadLanguages(),
		fallbackLng: 'en-US',
		interpolation: { escapeValue: false },
		returnNull: false,
		showSupportNotice: false
	});
	return instance;
}
