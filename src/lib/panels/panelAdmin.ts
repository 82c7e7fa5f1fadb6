import { DiscordAPIError, RESTJSONErrorCodes, type Guild } from 'discord.js';
import { entryAuthor, type Actor } from '../access/actor.js';
import type { CategoryService } from '../categories/CategoryService.js';
import { discordFailure } from '../discord/failures.js';
import { channelById } from '../discord/lookup.js';
import { DiscordFailure } from '../errors/DiscordFailure.js';
import { Refusal, refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, userWritten, type Notice } from '../i18n/notice.js';
import { PANEL_MODES, PANEL_STYLES, type PanelButtonStyle, type PanelMode, type PanelService } from './PanelService.js';
import { MAX_PANEL_CATEGORIES } from './renderPanel.js';
import { parseEmoji } from '../text/emoji.js';
import { requireAdmin, type SettingsServices } from '../settings/adminSettings.js';

type PanelServices = Pick<SettingsServices, 'ticketServices'> & {
	readonly panels: PanelService;
	readonly categories: CategoryService;
};

const KEY = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** A panel as an admin types it (a command's options, the dashboard's form): a field left out keeps its value. */
export interface PanelInput {
	key: string;
	/** A text channel of the server (the surface picks it from the server's; the use case checks it too). */
	channelId: string;
	title: string;
	description?: string;
	buttonLabel?: string;
	emoji?: string;
	style?: string;
	mode?: string;
	/** Category keys, comma-separated; empty: every category. */
	categories?: string;
}

const choice = <T extends string>(value: string | undefined, choices: readonly T[], argument: string): T | undefined => {
	if (value === undefined) return undefined;
	if (!(choices as readonly string[]).includes(value))
		refuse(LanguageKeys.Errors.InvalidChoice, { argument, choices: choices.join(', ') });
	return value as T;
};

/** /admin panel_create and the dashboard's panel forms: creates or updates one (post it with deploy), audited. */
export async function savePanel(services: PanelServices, actor: Actor, guild: Guild, input: PanelInput): Promise<Notice> {
	const data = await requireAdmin(services, actor, guild.id);
	const key = input.key.trim().toLowerCase();
	if (!KEY.test(key)) refuse(LanguageKeys.Panels.BadKey, { key: userWritten(key, 40) });
	const channel = /^\d{17,20}$/.test(input.channelId) ? await channelById(guild.client, input.channelId) : null;
	if (!channel?.isTextBased() || channel.isThread() || channel.guildId !== guild.id)
		refuse(LanguageKeys.Errors.InvalidOption, { argument: 'channel' });
	const title = input.title.trim();
	if (title.length < 1 || title.length > 256) refuse(LanguageKeys.Errors.InvalidOption, { argument: 'title' });
	const text = (value: string | undefined, max: number, argument: string) => {
		if (value === undefined) return undefined;
		const trimmed = value.trim();
		if (trimmed.length > max) refuse(LanguageKeys.Errors.InvalidOption, { argument });
		return trimmed || null;
	};
	let categoryKeys: string[] | undefined;
	if (input.categories !== undefined) {
		const keys = [
			...new Set(
				input.categories
					.split(',')
					.map((entry) => entry.trim().toLowerCase())
					.filter(Boolean)
			)
		];
		const known = await services.categories.list(data);
		const unknown = keys.filter((entry) => !known.some((category) => category.key === entry));
		if (unknown.length > 0)
			refuse(LanguageKeys.Panels.UnknownCategories, {
				keys: userWritten(unknown.join(', '), 200, { code: true }),
				available: known.map((category) => `\`${category.key}\``).join(', ')
			});
		categoryKeys = keys.slice(0, MAX_PANEL_CATEGORIES);
	}
	const emoji = text(input.emoji, 64, 'emoji');
	const { panel, created } = await services.panels.upsert(data, key, {
		channelId: channel.id,
		title,
		...(input.description !== undefined ? { description: text(input.description, 2000, 'description') } : {}),
		...(input.buttonLabel !== undefined ? { buttonLabel: text(input.buttonLabel, 80, 'button_label') } : {}),
		...(emoji !== undefined ? { emoji: emoji === null ? null : parseEmoji(emoji) } : {}),
		...(input.style !== undefined ? { buttonStyle: choice<PanelButtonStyle>(input.style, PANEL_STYLES, 'style') } : {}),
		...(input.mode !== undefined ? { mode: choice<PanelMode>(input.mode, PANEL_MODES, 'mode') } : {}),
		...(categoryKeys ? { categoryKeys } : {})
	});
	await services.ticketServices.audit.record(data, {
		...entryAuthor(actor),
		action: created ? 'panel.created' : 'panel.updated',
		details: { key }
	});
	return notice(created ? LanguageKeys.Panels.Created : LanguageKeys.Panels.Updated, {
		key: panel.key,
		channel: `<#${panel.channelId}>`
	});
}

/**
 * /admin panel_delete and the dashboard's: the message it posted goes first, then the record, so a
 * failed Discord call leaves both as they were.
 */
export async function deletePanel(services: PanelServices, actor: Actor, guild: Guild, key: string): Promise<Notice> {
	const data = await requireAdmin(services, actor, guild.id);
	const wanted = key.trim().toLowerCase().slice(0, 32);
	const panel = await services.panels.byKey(data, wanted);
	if (!panel) refuse(LanguageKeys.Panels.NotFound, { key: userWritten(wanted, 32) });
	let removed = false;
	const channel = panel.messageId ? await channelById(guild.client, panel.channelId) : null;
	if (panel.messageId && channel?.isTextBased()) {
		removed = await channel.messages.delete(panel.messageId).then(
			() => true,
			(error: unknown) => {
				// Already gone (deleted by hand): nothing left to remove.
				if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) return false;
				// Anything else: the panel stays, and the admin reads what Discord said.
				const failure = discordFailure(error, { permission: 'ManageMessages', where: `<#${panel.channelId}>` });
				throw failure instanceof DiscordFailure ? new Refusal(failure.notice) : failure;
			}
		);
	}
	await services.panels.delete(data, panel.key);
	await services.ticketServices.audit.record(data, {
		...entryAuthor(actor),
		action: 'panel.deleted',
		details: { key: panel.key, messageRemoved: removed }
	});
	return notice(removed ? LanguageKeys.Panels.Deleted : LanguageKeys.Panels.DeletedNoMessage, { key: panel.key });
}
