import { fetchT } from '@sapphire/plugin-i18next';
import { MessageFlags, type BaseInteraction, type Message } from 'discord.js';
import { discordText } from '../discord/render.js';
import type { Notice, Translate } from '../i18n/notice.js';
import { classifyError } from '../errors/classifyError.js';

export type ErrorTarget = BaseInteraction | Message;

export interface ErrorSource {
	/** The event that carried the error, e.g. chatInputSubcommandError. */
	event: string;
	/** The piece that failed (command, handler, listener). */
	piece?: string;
}

export interface ErrorReporterDeps {
	/** The notice in the words of whoever is answered. */
	render(target: ErrorTarget, message: Notice): Promise<string>;
	log: {
		debug(message: string, fields?: object): void;
		warn(message: string, fields?: object): void;
		error(message: string, fields?: object): void;
	};
}

/** The reporter of a running bot: the notice in the language plugin-i18next picks for the target, into the bot's log. */
export const errorReporter = (log: ErrorReporterDeps['log']): ErrorReporterDeps => ({
	render: async (target, message) => discordText((await fetchT(target)) as unknown as Translate, message),
	log
});

/**
 * The one error handler behind every error listener. The user gets a translated, ephemeral line (with a
 * reference for unexpected errors, never a stack trace); the log gets the error, its reference and context.
 * It never throws: a failure to answer is logged.
 */
export async function reportError(
	error: unknown,
	target: ErrorTarget | null,
	source: ErrorSource,
	deps: ErrorReporterDeps
): Promise<void> {
	const outcome = classifyError(error);
	const where = { event: source.event, piece: source.piece, guildId: target?.guildId ?? undefined, userId: userOf(target) };
	switch (outcome.kind) {
		case 'silent':
			return;
		case 'unanswerable':
			deps.log.warn(`Interaction could not be answered [${outcome.ref}]`, { ...where, ref: outcome.ref, error });
			return;
		case 'unexpected':
			deps.log.error(`Unexpected error [${outcome.ref}] in ${source.piece ?? source.event}`, {
				...where,
				ref: outcome.ref,
				error
			});
			break;
		case 'unavailable':
			deps.log.warn(`A store is not answering [${outcome.ref}] in ${source.piece ?? source.event}`, {
				...where,
				ref: outcome.ref,
				error
			});
			break;
		case 'user':
			deps.log.debug(`Refused: ${outcome.notice.key}`, where);
	}
	if (!target) return;
	try {
		const content = await deps.render(target, outcome.notice);
		await respond(target, content);
	} catch (replyError) {
		deps.log.warn('Could not tell the user about an error', { ...where, error: replyError });
	}
}

async function respond(target: ErrorTarget, content: string): Promise<void> {
	const allowedMentions = { parse: [] };
	if ('author' in target) {
		await target.reply({ content, allowedMentions });
		return;
	}
	if (!target.isRepliable()) return;
	// A deferred reply is waiting with "thinking…": the answer replaces it, or, where everyone sees it,
	// goes away for a line only the caller reads. A deferred update (ephemeral null) keeps its message.
	if (target.deferred && !target.replied && target.ephemeral !== null) {
		if (target.ephemeral) {
			await target.editReply({ content, allowedMentions });
			return;
		}
		await target.deleteReply().catch(() => undefined);
		await target.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions });
	} else if (target.deferred && !target.replied)
		await target.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions });
	else if (target.replied) await target.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions });
	else await target.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions });
}

function userOf(target: ErrorTarget | null): string | undefined {
	if (!target) return undefined;
	return 'author' in target ? target.author.id : target.user.id;
}
