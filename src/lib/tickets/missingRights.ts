import type { GuildData } from '../database/guildData.js';
import { DiscordFailure } from '../errors/DiscordFailure.js';
import type { TicketServices } from './services.js';

/** How often a guild's admins hear of one missing permission: once an hour, however many clicks fail on it. */
export const RIGHTS_NOTICE_EVERY_MS = 3_600_000;

/**
 * Tells the guild's admins, once an hour per missing permission (across processes with Redis), that
 * Discord refused the bot for a permission or an access it lacks: a timeline entry of the guild, which
 * the log channel and the audit log show. The member who clicked is told by their own answer.
 */
export async function reportMissingRights(
	services: Pick<TicketServices, 'audit' | 'cache' | 'log'>,
	data: GuildData,
	error: unknown
): Promise<void> {
	if (!(error instanceof DiscordFailure) || !error.missing) return;
	const { permission, where } = error.missing;
	try {
		if (
			!(await services.cache.setIfAbsent(
				`bot-rights:${data.guildId}:${permission ?? 'access'}`,
				Date.now(),
				RIGHTS_NOTICE_EVERY_MS
			))
		)
			return;
		await services.audit.record(data, {
			actorId: null,
			action: 'bot.permission_missing',
			details: { permission: permission ?? 'ViewChannel', where }
		});
	} catch (failure) {
		// The member's answer matters more than the admins' notice.
		services.log.warn('Could not tell the admins of a missing permission', { guildId: data.guildId, error: failure });
	}
}
