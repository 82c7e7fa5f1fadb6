import { DiscordAPIError, PermissionFlagsBits, RESTJSONErrorCodes, type Guild, type Message } from 'discord.js';
import { translatorFor } from '../discord/translate.js';
import type { GuildData } from '../database/guildData.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { panelCategories, renderPanel } from './renderPanel.js';
import { refuse } from '../errors/Refusal.js';
import type { AuditAuthor, AuditLog } from '../audit/AuditLog.js';
import type { CategoryService } from '../categories/CategoryService.js';
import type { PanelService } from './PanelService.js';

/** What deploying a panel reads and records (a piece's container holds them under these names). */
export interface PanelServices {
	readonly panels: PanelService;
	readonly categories: CategoryService;
	readonly audit: AuditLog;
}

const NEEDED = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

/**
 * Posts a panel, or edits the message it posted before (a new one if that was deleted), and records it.
 * Refusals (unknown panel, a channel the bot cannot post in, no categories) change nothing.
 */
export async function deployPanel(
	services: PanelServices,
	guild: Guild,
	data: GuildData,
	key: string,
	author: AuditAuthor,
	beforeSend?: () => Promise<void>
): Promise<{ redeployed: boolean; url: string }> {
	const panel = await services.panels.byKey(data, key);
	if (!panel) refuse(LanguageKeys.Panels.NotFound, { key: key.slice(0, 32) });
	const channel = guild.channels.cache.get(panel.channelId);
	if (!channel?.isTextBased() || channel.isThread()) refuse(LanguageKeys.Panels.NotTextChannel);
	if (!channel.permissionsFor(guild.members.me!)?.has(NEEDED))
		refuse(LanguageKeys.Panels.CannotPost, { channel: `<#${channel.id}>` });
	const categories = panelCategories(panel, await services.categories.list(data));
	if (categories.length === 0) refuse(LanguageKeys.Panels.NoCategories);
	await beforeSend?.();
	// Panels speak the guild's language, whoever deploys them.
	const payload = renderPanel(panel, categories, await translatorFor(guild));
	let message: Message | null = null;
	if (panel.messageId) {
		message = await channel.messages.edit(panel.messageId, payload).catch((error: unknown) => {
			// The old message was deleted: post a new one.
			if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) return null;
			throw error;
		});
	}
	const redeployed = message !== null;
	message ??= await channel.send(payload);
	await services.panels.markDeployed(data, panel.id, message.id);
	await services.audit.record(data, { ...author, action: 'panel.deployed', details: { key, messageId: message.id } });
	return { redeployed, url: message.url };
}
