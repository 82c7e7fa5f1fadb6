import { renderNotice, type Notice, type Translate, type UserText } from '../i18n/notice.js';
import { userText } from './escape.js';

/** User text in a Discord message: markdown and mentions escaped, cut to its bound. */
const shownInDiscord = (text: UserText) => userText(text.userText, text.max);

/** A notice as Discord shows it. */
export function discordText(t: Translate, message: Notice): string {
	return renderNotice(t, message, shownInDiscord);
}
