import { ArgumentError, Identifiers, UserError } from '@sapphire/framework';
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, type Notice } from '../i18n/notice.js';
import { createErrorReference } from './errorReference.js';
import { Refusal } from './Refusal.js';

/** What the shared error handler does with an error: what the user reads, and what the log gets. */
export type ErrorOutcome =
	| { kind: 'user'; notice: Notice }
	| { kind: 'unexpected'; notice: Notice; ref: string }
	/** A store the bot needs (Redis, the database) is not answering: the user is told to try again. */
	| { kind: 'unavailable'; notice: Notice; ref: string }
	/** The user cannot be answered (the interaction expired or was already answered elsewhere). */
	| { kind: 'unanswerable'; ref: string }
	/** A precondition chose to stay silent. */
	| { kind: 'silent' };

const UNANSWERABLE_CODES = new Set<number>([
	RESTJSONErrorCodes.UnknownInteraction,
	RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged
]);

/** Where a precondition puts its refusal, so the denied event hands the same notice on. */
export const REFUSAL_IDENTIFIER = 'refusal';

/** A precondition's error: the refusal it carries, for Sapphire's `this.error()`. */
export function preconditionError(refusal: Notice) {
	return { identifier: REFUSAL_IDENTIFIER, context: { refusal } };
}

/**
 * A refusal is the user's to read; Sapphire's own user errors (a missing argument, a built-in
 * precondition) are translated here; anything else is a bug, answered with a reference.
 */
export function classifyError(error: unknown): ErrorOutcome {
	if (error instanceof Refusal) return { kind: 'user', notice: error.notice };
	if (error instanceof UserError) {
		if ((error.context as { silent?: unknown } | null)?.silent === true) return { kind: 'silent' };
		return { kind: 'user', notice: sapphireNotice(error) };
	}
	if (error instanceof DiscordAPIError && typeof error.code === 'number' && UNANSWERABLE_CODES.has(error.code)) {
		return { kind: 'unanswerable', ref: createErrorReference() };
	}
	const ref = createErrorReference();
	const store = unavailableStore(error);
	if (store) return { kind: 'unavailable', notice: notice(store), ref };
	return { kind: 'unexpected', notice: notice(LanguageKeys.Errors.Unexpected, { ref }), ref };
}

/** Prisma's codes for a database it cannot reach or that dropped the connection. */
const DATABASE_DOWN_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const CONNECTION_LOST =
	/ECONNREFUSED|ECONNRESET|Connection terminated|Connection is closed|connect ETIMEDOUT|the database system is (starting up|shutting down)|terminating connection/i;

/** Which store an error says is out of reach: Redis (ioredis gave up on a command) or the database. */
function unavailableStore(error: unknown): string | null {
	if (!(error instanceof Error)) return null;
	const code = (error as { code?: unknown }).code;
	if (error.name === 'MaxRetriesPerRequestError' || /Stream isn't writeable|Connection is closed/.test(error.message))
		return LanguageKeys.Errors.StoreUnavailable;
	if ((typeof code === 'string' && DATABASE_DOWN_CODES.has(code)) || error.name === 'PrismaClientInitializationError')
		return LanguageKeys.Errors.DatabaseUnavailable;
	if (error.name.startsWith('PrismaClient') || error.name === 'DriverAdapterError')
		return CONNECTION_LOST.test(error.message) ? LanguageKeys.Errors.DatabaseUnavailable : null;
	return null;
}

function sapphireNotice(error: UserError): Notice {
	const context = (typeof error.context === 'object' && error.context !== null ? error.context : {}) as Record<string, unknown>;
	if (error.identifier === REFUSAL_IDENTIFIER && context.refusal) return context.refusal as Notice;
	if (error instanceof ArgumentError) {
		const argument = error.parameter || error.argument.name;
		return error.identifier === Identifiers.ArgsMissing
			? notice(LanguageKeys.Errors.MissingArgument, { argument })
			: notice(LanguageKeys.Errors.InvalidArgument, { argument });
	}
	switch (error.identifier) {
		case Identifiers.PreconditionGuildOnly:
			return notice(LanguageKeys.Errors.GuildOnly);
		case Identifiers.PreconditionCooldown:
			return notice(LanguageKeys.Errors.Cooldown, { seconds: Math.ceil(Number(context.remaining ?? 0) / 1000) });
		case Identifiers.PreconditionClientPermissions:
			return notice(LanguageKeys.Errors.MissingBotPermissions, { permissions: listOf(context.missing) });
		case Identifiers.PreconditionUserPermissions:
			return notice(LanguageKeys.Errors.MissingUserPermissions, { permissions: listOf(context.missing) });
		case Identifiers.ArgsMissing:
			return notice(LanguageKeys.Errors.MissingArgument, { argument: String(context.argument ?? '') });
		default:
			return notice(LanguageKeys.Errors.Denied);
	}
}

const listOf = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
