import { EmbedBuilder, type ActionRowBuilder, type ButtonBuilder, type Guild } from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import type { GuildData } from '../database/guildData.js';
import { userText } from '../discord/escape.js';
import { pageButtons } from '../chat/paging.js';
import { pageWindow } from '../database/paging.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { encodeCustomId } from '../chat/customIds.js';
import { guildRules } from '../settings/guildRules.js';
import { recentJoins } from './antiRaid.js';
import type { SecurityServices } from './services.js';
import { SECURITY_EVENT_TYPES, type SecurityEventType } from '../model/securityEvents.js';

const DAY_MS = 86_400_000;

const when = (date: Date, style: 'f' | 'R' = 'f') => `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;

/** /security status: lockdown, raid mode, the detectors' rules and the last day's events. */
export async function securityStatus(
	services: Pick<SecurityServices, 'config' | 'cache'>,
	data: GuildData,
	guild: Guild,
	t: Translate,
	now = new Date()
): Promise<EmbedBuilder> {
	const settings = await data.settings();
	const rules = guildRules(settings, services.config);
	const since = new Date(now.getTime() - DAY_MS);
	const [recent, joins] = await Promise.all([
		data.db.securityEvent.groupBy({ by: ['type'], where: { createdAt: { gte: since } }, _count: { _all: true } }),
		recentJoins(services, guild.id)
	]);
	const raidUntil = settings.raidModeUntil && settings.raidModeUntil > now ? settings.raidModeUntil : null;
	const lockdown = settings.lockdown
		? t(LanguageKeys.Security.LockdownActive, {
				since: settings.lockdownAt ? when(settings.lockdownAt) : '—',
				by: settings.lockdownById ? `<@${settings.lockdownById}>` : '—',
				reason: settings.lockdownReason ? userText(settings.lockdownReason, 300) : t(LanguageKeys.Tickets.NoReason)
			})
		: t(LanguageKeys.Security.Off);
	const counts = recent
		.map((row) => `${t(LanguageKeys.Security.Types[row.type as SecurityEventType] ?? row.type)}: ${row._count._all}`)
		.join('\n');
	return new EmbedBuilder()
		.setColor(settings.lockdown || raidUntil ? 0xed4245 : 0x57f287)
		.setTitle(t(LanguageKeys.Security.StatusTitle, { guild: userText(guild.name, 100) }))
		.addFields(
			{ name: t(LanguageKeys.Security.Lockdown), value: lockdown },
			{
				name: t(LanguageKeys.Security.RaidMode),
				value: [
					raidUntil ? t(LanguageKeys.Security.RaidActive, { until: when(raidUntil, 'R') }) : t(LanguageKeys.Security.Off),
					t(LanguageKeys.Security.RaidRule, {
						joins: rules.raidJoins,
						seconds: rules.raidSeconds,
						minutes: rules.raidMinutes,
						current: joins
					})
				].join('\n')
			},
			{
				name: t(LanguageKeys.Security.AntiSpam),
				value: t(LanguageKeys.Security.SpamRule, {
					messages: rules.spamMessages,
					seconds: rules.spamSeconds,
					timeout:
						rules.spamTimeoutMinutes > 0
							? t(LanguageKeys.Security.TimeoutMinutes, { minutes: rules.spamTimeoutMinutes })
							: t(LanguageKeys.Security.Off)
				})
			},
			{ name: t(LanguageKeys.Security.LastDay), value: counts || t(LanguageKeys.Security.NoRecentEvents) },
			{
				name: t(LanguageKeys.Security.IncidentWebhook),
				value: t(settings.incidentWebhookUrl ? LanguageKeys.Security.WebhookSet : LanguageKeys.Security.WebhookUnset)
			}
		);
}

/** What /security events asks for: type 0 is any type, else SECURITY_EVENT_TYPES[type - 1]; member '0' is anyone. */
export interface EventsQuery {
	page: number;
	type: number;
	userId: string;
}

function detailsText(raw: string): string {
	try {
		const details = JSON.parse(raw) as Record<string, unknown>;
		return Object.entries(details)
			.filter(([, value]) => value !== null && value !== undefined)
			.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
			.join(', ');
	} catch {
		return '';
	}
}

/** One page of security events, newest first, with Previous/Next buttons that carry the filters and who asked. */
export async function securityEventsPage(
	data: GuildData,
	query: EventsQuery,
	t: Translate,
	ownerId: string
): Promise<{ embeds: EmbedBuilder[]; components: ActionRowBuilder<ButtonBuilder>[] }> {
	const type = query.type > 0 ? SECURITY_EVENT_TYPES[query.type - 1] : undefined;
	const where = { ...(type ? { type } : {}), ...(query.userId !== '0' ? { userId: query.userId } : {}) };
	const total = await data.db.securityEvent.count({ where });
	const { page, pages, skip, take } = pageWindow(total, query.page);
	const events = await data.db.securityEvent.findMany({ where, orderBy: { id: 'desc' }, skip, take });
	const lines = events.map((event) =>
		[
			when(event.createdAt),
			`**${t(LanguageKeys.Security.Types[event.type as SecurityEventType] ?? event.type)}**`,
			event.userId ? `<@${event.userId}>` : null,
			event.channelId ? `<#${event.channelId}>` : null,
			userText(detailsText(event.details), 200) || null
		]
			.filter(Boolean)
			.join(' · ')
	);
	const embed = new EmbedBuilder()
		.setColor(0xed4245)
		.setTitle(t(LanguageKeys.Security.EventsTitle, { count: total }))
		.setDescription(lines.join('\n') || t(LanguageKeys.Security.NoEvents))
		.setFooter({ text: t(LanguageKeys.Tickets.ListPage, { page: page + 1, pages }) });
	const components = pageButtons(
		page,
		pages,
		(target) => encodeCustomId({ kind: 'securityPage', ...query, page: target, ownerId }),
		t
	);
	return { embeds: [embed], components };
}
