import { renderNotice, type Notice, type Translate, type UserText } from '../i18n/notice.js';
import { cut } from '../text/cut.js';
import { userText } from './escape.js';

/** User text in a Discord message: markdown and mentions escaped (or set in code), cut to its bound. */
const shownInDiscord = (text: UserText) =>
	text.code ? `\`${cut(text.userText.replaceAll('`', "'"), text.max)}\`` : userText(text.userText, text.max);

/** A notice as Discord shows it. */
export function discordText(t: Translate, message: Notice): string {
	return renderNotice(t, message, shownInDiscord);
}
