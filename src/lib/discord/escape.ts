import { escapeMarkdown } from 'discord.js';
import { cut } from '../text/cut.js';

/** User-written text shown in a Discord message: no markdown, no mentions, bounded. */
export function userText(text: string, max = 1024): string {
	// Control characters (but tab and newline) would garble the message.
	// eslint-disable-next-line no-control-regex
	const clean = escapeMarkdown(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')).replace(/@(everyone|here)/g, '@\u200b$1');
	return cut(clean, max);
}
