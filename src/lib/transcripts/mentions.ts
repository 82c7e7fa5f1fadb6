import type { MentionNames, TranscriptInput, TranscriptMessage } from './model.js';

export type MentionKind = 'user' | 'role' | 'channel';

const MENTION = /<(@!?|@&|#)(\d{1,20})>/g;

/** The kind of a mention from its sigil: @ or @! a member, @& a role (also HTML-escaped), # a channel. */
export function kindOf(sigil: string): MentionKind {
	return sigil === '#' ? 'channel' : sigil === '@&' || sigil === '@&amp;' ? 'role' : 'user';
}

/** Every text of a message that Discord renders mentions in. */
function textsOf(message: TranscriptMessage): string[] {
	return [
		message.content,
		...message.embeds.flatMap((embed) => [embed.description ?? '', ...embed.fields.map((field) => field.value)])
	];
}

/** The IDs mentioned anywhere in the messages (and in the extra texts, such as notes), by kind. */
export function mentionedIds(
	messages: readonly TranscriptMessage[],
	extra: readonly string[] = []
): Record<MentionKind, Set<string>> {
	const found: Record<MentionKind, Set<string>> = { user: new Set(), role: new Set(), channel: new Set() };
	for (const text of [...messages.flatMap(textsOf), ...extra])
		for (const match of text.matchAll(MENTION)) found[kindOf(match[1]!)].add(match[2]!);
	return found;
}

/** How a mention reads in a copy: @name, @role, #channel; never the opener of an anonymous ticket. */
export function mentionLabel(
	input: Pick<TranscriptInput, 'anonymousUserId' | 'mentions' | 'labels'> | null,
	kind: MentionKind,
	id: string
): string {
	if (kind === 'user' && input && id === input.anonymousUserId) return `@${input.labels.anonymous}`;
	const names: MentionNames['users'] | undefined =
		kind === 'user' ? input?.mentions?.users : kind === 'role' ? input?.mentions?.roles : input?.mentions?.channels;
	return `${kind === 'channel' ? '#' : '@'}${names?.get(id) ?? id}`;
}

/** Plain text with its mentions written as names (for the TXT copy). */
export function withMentionNames(input: TranscriptInput, text: string): string {
	return text.replace(MENTION, (_match, sigil: string, id: string) => mentionLabel(input, kindOf(sigil), id));
}
