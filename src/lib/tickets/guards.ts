import type { BlacklistService } from '../blacklist/BlacklistService.js';
import type { BotConfig } from '../config/schema.js';
import type { GuildData } from '../database/guildData.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { ACTIVE_STATUSES } from './status.js';

export interface Refusal {
	key: string;
	args: Record<string, unknown>;
}

export interface CreationLimits {
	cooldownSeconds: number;
	hourlyLimit: number;
	maxOpenPerUser: number;
}

export function creationLimits(
	settings: { cooldownSeconds: number | null; hourlyLimit: number | null; maxOpenPerUser: number | null },
	config: BotConfig
): CreationLimits {
	return {
		cooldownSeconds: settings.cooldownSeconds ?? config.tickets.cooldownSeconds,
		hourlyLimit: settings.hourlyLimit ?? config.tickets.hourlyLimit,
		maxOpenPerUser: settings.maxOpenPerUser ?? config.tickets.maxOpenPerUser
	};
}

/**
 * Why this member may not open a ticket now, checked in a fixed order: lockdown, blacklist, cooldown,
 * hourly limit, open tickets. Null when nothing stands in the way.
 */
export async function creationRefusal(
	data: GuildData,
	userId: string,
	deps: { blacklist: BlacklistService; config: BotConfig; now?: Date }
): Promise<Refusal | null> {
	const now = deps.now ?? new Date();
	const settings = await data.settings();
	if (settings.lockdown) return { key: LanguageKeys.Tickets.Lockdown, args: {} };

	const banned = await deps.blacklist.active(data, userId);
	if (banned) {
		return banned.expiresAt
			? {
					key: LanguageKeys.Tickets.BlacklistedUntil,
					args: { reason: banned.reason, until: `<t:${Math.floor(banned.expiresAt.getTime() / 1000)}:f>` }
				}
			: { key: LanguageKeys.Tickets.Blacklisted, args: { reason: banned.reason } };
	}

	const limits = creationLimits(settings, deps.config);
	const hourAgo = new Date(now.getTime() - 3_600_000);
	const recent = await data.db.ticket.findMany({
		where: { openerId: userId, createdAt: { gte: hourAgo } },
		select: { createdAt: true },
		orderBy: { createdAt: 'desc' }
	});
	const latest = recent[0]?.createdAt;
	if (limits.cooldownSeconds > 0 && latest) {
		const wait = Math.ceil((latest.getTime() + limits.cooldownSeconds * 1000 - now.getTime()) / 1000);
		if (wait > 0) return { key: LanguageKeys.Tickets.Cooldown, args: { seconds: wait } };
	}
	if (recent.length >= limits.hourlyLimit) {
		const oldest = recent[limits.hourlyLimit - 1]!.createdAt;
		const minutes = Math.max(1, Math.ceil((oldest.getTime() + 3_600_000 - now.getTime()) / 60_000));
		return { key: LanguageKeys.Tickets.HourlyLimit, args: { limit: limits.hourlyLimit, minutes } };
	}

	const open = await data.db.ticket.findMany({
		where: { openerId: userId, status: { in: [...ACTIVE_STATUSES] }, softDeletedAt: null },
		select: { channelId: true }
	});
	if (open.length >= limits.maxOpenPerUser) {
		const channels = open.map((ticket) => (ticket.channelId ? `<#${ticket.channelId}>` : '…')).join(', ');
		return { key: LanguageKeys.Tickets.MaxOpen, args: { max: limits.maxOpenPerUser, channels } };
	}
	return null;
}
