import type { BlacklistService } from '../blacklist/BlacklistService.js';
import type { BotConfig } from '../config/schema.js';
import type { GuildData } from '../database/guildData.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, userWritten, type Notice } from '../i18n/notice.js';
import { guildRules } from '../settings/guildRules.js';
import { ACTIVE_STATUSES } from '../model/status.js';

interface CheckDeps {
	blacklist: BlacklistService;
	config: BotConfig;
	now?: Date;
}

type Settings = Awaited<ReturnType<GuildData['settings']>>;
type CreationCheck = (data: GuildData, userId: string, settings: Settings, deps: CheckDeps) => Promise<Notice | null>;

/** Ticket creation is paused guild-wide: by an admin (lockdown), or for a while by the anti-raid detector. */
const lockdown: CreationCheck = async (_data, _userId, settings, deps) => {
	if (settings.lockdown) return notice(LanguageKeys.Tickets.Lockdown);
	const now = deps.now ?? new Date();
	if (settings.raidModeUntil && settings.raidModeUntil > now)
		return notice(LanguageKeys.Tickets.RaidMode, { when: `<t:${Math.ceil(settings.raidModeUntil.getTime() / 1000)}:R>` });
	return null;
};

/** The member is blacklisted (until a date, or until removed). */
const blacklisted: CreationCheck = async (data, userId, _settings, deps) => {
	const banned = await deps.blacklist.active(data, userId);
	if (!banned) return null;
	return banned.expiresAt
		? notice(LanguageKeys.Tickets.BlacklistedUntil, {
				reason: userWritten(banned.reason, 500),
				until: `<t:${Math.floor(banned.expiresAt.getTime() / 1000)}:f>`
			})
		: notice(LanguageKeys.Tickets.Blacklisted, { reason: userWritten(banned.reason, 500) });
};

/** The member opened a ticket too recently (per-member cooldown) or too many in the last hour. */
const cooldown: CreationCheck = async (data, userId, settings, deps) => {
	const now = deps.now ?? new Date();
	const limits = guildRules(settings, deps.config);
	const hourAgo = new Date(now.getTime() - 3_600_000);
	const recent = await data.db.ticket.findMany({
		where: { openerId: userId, createdAt: { gte: hourAgo } },
		select: { createdAt: true },
		orderBy: { createdAt: 'desc' }
	});
	const latest = recent[0]?.createdAt;
	if (limits.cooldownSeconds > 0 && latest) {
		const wait = Math.ceil((latest.getTime() + limits.cooldownSeconds * 1000 - now.getTime()) / 1000);
		if (wait > 0) return notice(LanguageKeys.Tickets.Cooldown, { seconds: wait });
	}
	if (recent.length >= limits.hourlyLimit) {
		const oldest = recent[limits.hourlyLimit - 1]!.createdAt;
		const minutes = Math.max(1, Math.ceil((oldest.getTime() + 3_600_000 - now.getTime()) / 60_000));
		return notice(LanguageKeys.Tickets.HourlyLimit, { limit: limits.hourlyLimit, minutes });
	}
	return null;
};

/** The member already has as many open tickets as the guild allows. */
const openLimit: CreationCheck = async (data, userId, settings, deps) => {
	const limits = guildRules(settings, deps.config);
	const open = await data.db.ticket.findMany({
		where: { openerId: userId, status: { in: [...ACTIVE_STATUSES] }, softDeletedAt: null },
		select: { channelId: true }
	});
	if (open.length < limits.maxOpenPerUser) return null;
	const channels = open.map((ticket) => (ticket.channelId ? `<#${ticket.channelId}>` : '…')).join(', ');
	return notice(LanguageKeys.Tickets.MaxOpen, { count: limits.maxOpenPerUser, channels });
};

/** The creation guards, in the order they are checked; the Sapphire preconditions run the first three by name. */
export const CREATION_CHECKS = { lockdown, blacklisted, cooldown, openLimit } as const;
export type CreationCheckName = keyof typeof CREATION_CHECKS;

/** Runs some of the checks, in the fixed order, and returns the first refusal. */
export async function creationRefusal(
	data: GuildData,
	userId: string,
	deps: CheckDeps,
	only: readonly CreationCheckName[] = Object.keys(CREATION_CHECKS) as CreationCheckName[]
): Promise<Notice | null> {
	const settings = await data.settings();
	for (const [name, check] of Object.entries(CREATION_CHECKS) as [CreationCheckName, CreationCheck][]) {
		if (!only.includes(name)) continue;
		const refusal = await check(data, userId, settings, deps);
		if (refusal) return refusal;
	}
	return null;
}
