import { fetchT, type Target } from '@sapphire/plugin-i18next';
import type { Translate } from '../i18n/notice.js';

/** The translator plugin-i18next picks for a guild, channel, message or interaction, with checked keys. */
export async function translatorFor(target: Target): Promise<Translate> {
	return (await fetchT(target)) as unknown as Translate;
}
