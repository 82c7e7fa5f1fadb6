import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { DiscordFailure } from '../errors/DiscordFailure.js';
import { ServerFull } from '../tickets/channels.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';

/** Discord's permissions the bot's calls need, by the names Discord's settings show. */
export type NeededPermission = keyof typeof LanguageKeys.Errors.Permissions;

export interface Step {
	/** What the call needs from the bot: named when Discord answers 50013. */
	permission: NeededPermission;
	/** Where: named in the message (a channel mention, or the server). */
	where: string;
}

/**
 * What Discord's answer to a failed call means for the person who asked, as a DiscordFailure: a missing
 * permission (50013, naming it and where), no access (50001), a channel gone (10003), an outage (5xx or
 * no answer) or a rate limit. Any other error is handed back as it is.
 */
export function discordFailure(error: unknown, step: Step): unknown {
	if (error instanceof DiscordFailure || error instanceof ServerFull) return error;
	if (error instanceof RateLimitError) {
		const waitMs = Math.max(error.timeToReset, error.retryAfter, error.sublimitTimeout);
		return new DiscordFailure(
			notice(LanguageKeys.Errors.DiscordRateLimited, { seconds: Math.ceil(waitMs / 1000) }),
			error,
			true,
			undefined,
			waitMs
		);
	}
	if (error instanceof DiscordAPIError) {
		switch (error.code) {
			case RESTJSONErrorCodes.MissingPermissions:
				return new DiscordFailure(
					notice(LanguageKeys.Errors.BotMissingPermission, {
						permission: notice(LanguageKeys.Errors.Permissions[step.permission]),
						channel: step.where
					}),
					error,
					false,
					{ permission: step.permission, where: step.where }
				);
			case RESTJSONErrorCodes.MissingAccess:
				return new DiscordFailure(notice(LanguageKeys.Errors.BotMissingAccess, { channel: step.where }), error, false, {
					permission: null,
					where: step.where
				});
			case RESTJSONErrorCodes.UnknownChannel:
				return new DiscordFailure(notice(LanguageKeys.Errors.ChannelGone), error);
		}
		if (error.status >= 500) return new DiscordFailure(notice(LanguageKeys.Errors.DiscordUnavailable), error);
		return error;
	}
	if (error instanceof HTTPError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')))
		return new DiscordFailure(notice(LanguageKeys.Errors.DiscordUnavailable), error);
	return error;
}

/** Runs one Discord call, turning its failure into what it means. */
export async function discordStep<T>(step: Step, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw discordFailure(error, step);
	}
}
