import { ArgumentError, Identifiers, UserError } from '@sapphire/framework';
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { createErrorReference } from './errorReference.js';

/** What the shared error handler does with an error: which text the user gets, and what the log gets. */
export type ErrorOutcome =
	| { kind: 'user'; key: string; args: Record<string, unknown> }
	| { kind: 'unexpected'; key: string; args: { ref: string }; ref: string }
	/** The user cannot be answered (the interaction expired or was already answered elsewhere). */
	| { kind: 'unanswerable'; ref: string }
	/** A precondition chose to stay silent. */
	| { kind: 'silent' };

const SAPPHIRE_IDENTIFIERS: Partial<Record<string, string>> = {
	[Identifiers.PreconditionGuildOnly]: LanguageKeys.Errors.GuildOnly,
	[Identifiers.PreconditionCooldown]: LanguageKeys.Errors.Cooldown,
	[Identifiers.PreconditionClientPermissions]: LanguageKeys.Errors.MissingBotPermissions,
	[Identifiers.PreconditionUserPermissions]: LanguageKeys.Errors.MissingUserPermissions,
	[Identifiers.ArgsMissing]: LanguageKeys.Errors.MissingArgument
};

const UNANSWERABLE_CODES = new Set<number>([
	RESTJSONErrorCodes.UnknownInteraction,
	RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged
]);

/** Errors whose identifier is one of ours are translation keys; anything else is a bug with a reference. */
export function classifyError(error: unknown): ErrorOutcome {
	if (error instanceof UserError) {
		const context = (typeof error.context === 'object' && error.context !== null ? error.context : {}) as Record<string, unknown>;
		if (context.silent === true) return { kind: 'silent' };
		if (error instanceof ArgumentError) {
			const key =
				error.identifier === Identifiers.ArgsMissing ? LanguageKeys.Errors.MissingArgument : LanguageKeys.Errors.InvalidArgument;
			return { kind: 'user', key, args: { argument: error.parameter || error.argument.name } };
		}
		if (error.identifier.includes(':')) return { kind: 'user', key: error.identifier, args: context };
		const key = SAPPHIRE_IDENTIFIERS[error.identifier] ?? LanguageKeys.Errors.Denied;
		return { kind: 'user', key, args: sapphireArgs(context) };
	}
	if (error instanceof DiscordAPIError && typeof error.code === 'number' && UNANSWERABLE_CODES.has(error.code)) {
		return { kind: 'unanswerable', ref: createErrorReference() };
	}
	const ref = createErrorReference();
	return { kind: 'unexpected', key: LanguageKeys.Errors.Unexpected, args: { ref }, ref };
}

/** Sapphire's built-in preconditions put milliseconds and permission lists in their context. */
function sapphireArgs(context: Record<string, unknown>): Record<string, unknown> {
	const args: Record<string, unknown> = { ...context };
	if (typeof context.remaining === 'number') args.seconds = Math.ceil(context.remaining / 1000);
	if (Array.isArray(context.missing)) args.permissions = context.missing.join(', ');
	return args;
}
