import { EmbedBuilder, Routes } from 'discord.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { SecurityEventEntry, SecurityListener } from './SecurityLog.js';
import { cut } from '../text/cut.js';
import type { Env } from '../config/env.js';
import type { DataStore } from '../database/guildData.js';
import { translatorFor } from '../discord/translate.js';
import type { BackgroundServices } from '../lifecycle/background.js';

/** What posting an incident reads: the guild's webhook, the REST base it may point at, and the Discord client. */
export type IncidentServices = BackgroundServices & { readonly db: DataStore; readonly env: Pick<Env, 'DISCORD_API_URL'> };

export interface WebhookTarget {
	id: string;
	token: string;
}

const WEBHOOK_PATH = /^(?:\/v\d{1,2})?\/webhooks\/(\d{17,20})\/([\w-]{20,100})\/?$/;
const DISCORD_HOSTS = /^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/;

/**
 * The webhook an admin pasted, as ID and token, or null when it is not a Discord webhook URL. Only
 * Discord's own address (or the REST base the bot is configured with) is accepted: the bot posts
 * incidents through its Discord REST client, never to an address a user chose.
 */
export function parseWebhookUrl(raw: string, apiBase?: string): WebhookTarget | null {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return null;
	}
	let path: string | null = null;
	if (url.protocol === 'https:' && DISCORD_HOSTS.test(url.hostname) && url.pathname.startsWith('/api/'))
		path = url.pathname.slice('/api'.length);
	else if (apiBase) {
		const base = new URL(apiBase);
		const prefix = base.pathname.replace(/\/$/, '');
		if (url.origin === base.origin && url.pathname.startsWith(`${prefix}/`)) path = url.pathname.slice(prefix.length);
	}
	const match = path === null || url.search || url.hash ? null : WEBHOOK_PATH.exec(path);
	return match ? { id: match[1]!, token: match[2]! } : null;
}

function detailLines(details: Record<string, unknown>): string {
	return Object.entries(details)
		.filter(([, value]) => value !== null && value !== undefined)
		.map(([key, value]) => `${key}: ${userText(typeof value === 'string' ? value : JSON.stringify(value), 200)}`)
		.join('\n');
}

/** Posts one security event to the guild's incident webhook, if it set one. */
export async function postIncident(
	services: IncidentServices,
	guildId: string,
	entry: SecurityEventEntry,
	at: Date
): Promise<void> {
	const settings = await services.db.forGuild(guildId).db.guildSettings.findUnique({ where: { guildId } });
	const target = settings?.incidentWebhookUrl ? parseWebhookUrl(settings.incidentWebhookUrl, services.env.DISCORD_API_URL) : null;
	const client = services.discord();
	const guild = client.guilds.cache.get(guildId);
	// Incidents come from a guild's own events: one the bot has left has nobody to read them.
	if (!target || !guild) return;
	const t = await translatorFor(guild);
	const embed = new EmbedBuilder()
		.setColor(entry.type === 'lockdown_off' ? 0x57f287 : 0xed4245)
		.setTitle(t(LanguageKeys.Security.Types[entry.type]))
		.setDescription(userText(guild.name, 100))
		.setFooter({ text: entry.type })
		.setTimestamp(at);
	if (entry.userId) embed.addFields({ name: t(LanguageKeys.Security.Member), value: `<@${entry.userId}>`, inline: true });
	if (entry.channelId) embed.addFields({ name: t(LanguageKeys.Security.Channel), value: `<#${entry.channelId}>`, inline: true });
	const details = detailLines(entry.details ?? {});
	if (details) embed.addFields({ name: t(LanguageKeys.Security.Details), value: cut(details, 1024) });
	await client.rest.post(Routes.webhook(target.id, target.token), {
		body: { embeds: [embed.toJSON()], allowed_mentions: { parse: [] } },
		auth: false
	});
}

/** The security listener of a running bot: posts in the background, as tracked work, and only logs a failure. */
export const incidentListener =
	(services: IncidentServices): SecurityListener =>
	(guildId, entry, at) => {
		void services.work
			.run(() => postIncident(services, guildId, entry, at))
			.catch((error: unknown) =>
				services.logger.warn(`Could not post ${entry.type} to the incident webhook of ${guildId}`, { error })
			);
	};
