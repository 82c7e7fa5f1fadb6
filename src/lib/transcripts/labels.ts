import type { Translate } from '../i18n/notice.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { TranscriptLabels } from './model.js';

/** A transcript's words in the language of the given translation function (the guild's). */
export function transcriptLabels(t: Translate): TranscriptLabels {
	const words = LanguageKeys.Transcripts.File;
	return {
		language: t(words.language),
		server: t(words.server),
		channel: t(words.channel),
		category: t(words.category),
		openedBy: t(words.openedBy),
		claimedBy: t(words.claimedBy),
		status: t(words.status),
		priority: t(words.priority),
		tags: t(words.tags),
		opened: t(words.opened),
		closed: t(words.closed),
		reason: t(words.reason),
		messages: t(words.messages),
		generated: t(words.generated),
		ticket: t(words.ticket),
		anonymous: t(words.anonymous),
		anonymousOpener: t(words.anonymousOpener),
		edited: t(words.edited),
		deleted: t(words.deleted),
		bot: t(words.bot),
		replyAt: (name, time) => t(words.replyAt, { name, time }),
		replyMissing: t(words.replyMissing),
		notes: (count) => t(words.notes, { count }),
		embed: t(words.embed),
		attachment: t(words.attachment),
		noText: t(words.noText),
		fields: (count) => t(words.fields, { count })
	};
}
