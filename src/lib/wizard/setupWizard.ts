import { assertUsableRole } from '../access/roles.js';
import {
	ActionRowBuilder,
	ButtonBuilder,
	ButtonStyle,
	ChannelSelectMenuBuilder,
	ChannelType,
	EmbedBuilder,
	RoleSelectMenuBuilder,
	StringSelectMenuBuilder,
	type Guild,
	type MessageActionRowComponentBuilder
} from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import type { GuildData } from '../database/guildData.js';
import { readList, writeList } from '../database/json.js';
import { assertCanPost } from '../discord/canPost.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys, type TranslationKey } from '../i18n/languageKeys.js';
import { encodeCustomId } from '../chat/customIds.js';
import { deployPanel, type PanelServices } from '../panels/deployPanel.js';
import type { TicketServices } from '../tickets/services.js';

/** What the wizard reads and changes: panels, categories, the audit log, and the role check of every role option. */
export type SetupServices = PanelServices & { readonly ticketServices: Pick<TicketServices, 'roles'> };
import { MAX_PANEL_CATEGORIES } from '../panels/renderPanel.js';
import { cut } from '../text/cut.js';
import { refuse } from '../errors/Refusal.js';

/** The panel the wizard makes (an admin changes it later like any other). */
export const SETUP_PANEL = 'support';
export const SETUP_STEPS = 5;
const NAMES = ['roles', 'parent', 'channels', 'panel', 'done'] as const;
/** The control that moves to a step (the other controls are a step's menus and buttons, from 0). */
export const GO = 9;
const MAX_SUPPORT_ROLES = 10;

const keys = LanguageKeys.Setup;
const id = (step: number, control: number) => encodeCustomId({ kind: 'setupControl', step, control });
type Row = ActionRowBuilder<MessageActionRowComponentBuilder>;
const row = (...components: MessageActionRowComponentBuilder[]): Row =>
	new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(components);

export interface SetupView {
	embeds: EmbedBuilder[];
	components: Row[];
}

function navigation(step: number, t: Translate, extra: ButtonBuilder[] = []): Row {
	const buttons = [...extra];
	if (step > 1)
		buttons.unshift(
			new ButtonBuilder()
				.setCustomId(id(step - 1, GO))
				.setLabel(t(keys.Back))
				.setStyle(ButtonStyle.Secondary)
		);
	if (step < SETUP_STEPS)
		buttons.push(
			new ButtonBuilder()
				.setCustomId(id(step + 1, GO))
				.setLabel(t(keys.Next))
				.setStyle(ButtonStyle.Primary)
		);
	return row(...buttons);
}

/** One step of the wizard, showing what is set now. Every choice is saved as it is made. */
export async function setupStep(
	services: SetupServices,
	guild: Guild,
	data: GuildData,
	step: number,
	t: Translate
): Promise<SetupView> {
	const settings = await data.settings();
	const supportRoles = readList(settings.supportRoleIds);
	const list = (ids: string[], mention: (value: string) => string) => (ids.length ? ids.map(mention).join(' ') : t(keys.None));
	const channel = (value: string | null) => (value ? `<#${value}>` : t(keys.None));
	const panel = await services.panels.byKey(data, SETUP_PANEL);
	const categories = await services.categories.list(data);
	const panelCategories = panel?.categoryKeys.length
		? categories.filter((category) => panel.categoryKeys.includes(category.key))
		: categories.slice(0, MAX_PANEL_CATEGORIES);
	const posted = panel?.messageId
		? `https://discord.com/channels/${guild.id}/${panel.channelId}/${panel.messageId}`
		: t(keys.NotPosted);
	const values = {
		roles: list(supportRoles, (role) => `<@&${role}>`),
		parent: settings.ticketParentId ? channel(settings.ticketParentId) : t(keys.Top),
		transcripts: channel(settings.transcriptChannelId),
		logs: channel(settings.logChannelId),
		channel: channel(panel?.channelId ?? null),
		categories: panelCategories.map((category) => userText(category.displayName, 40)).join(', ') || t(keys.None),
		posted,
		panel: panel?.messageId ? posted : t(keys.NotPosted)
	};
	// Each step's text takes some of the values; i18next ignores the others.
	const texts = [keys.RolesText, keys.ParentText, keys.ChannelsText, keys.PanelText, keys.DoneText] as TranslationKey<
		typeof values
	>[];
	const embed = new EmbedBuilder()
		.setColor(step === SETUP_STEPS ? 0x57f287 : 0x5865f2)
		.setTitle(t(keys.Title, { step, steps: SETUP_STEPS, name: t(keys.Names[NAMES[step - 1]!]) }))
		.setDescription(t(texts[step - 1]!, values));
	const components: Row[] = [];
	if (step === 1)
		components.push(
			row(
				new RoleSelectMenuBuilder()
					.setCustomId(id(1, 0))
					.setPlaceholder(t(keys.RolesPlaceholder))
					.setMinValues(0)
					.setMaxValues(MAX_SUPPORT_ROLES)
					.setDefaultRoles(supportRoles.filter((role) => guild.roles.cache.has(role)))
			)
		);
	/** A menu of one channel of a kind, showing the current choice. */
	const channelMenu = (control: number, placeholder: string, type: ChannelType, current: string | null | undefined) => {
		const menu = new ChannelSelectMenuBuilder()
			.setCustomId(id(step, control))
			.setPlaceholder(t(placeholder))
			.setChannelTypes(type);
		if (current) menu.setDefaultChannels(current);
		return menu;
	};
	if (step === 2)
		components.push(
			row(
				channelMenu(0, keys.ParentPlaceholder, ChannelType.GuildCategory, settings.ticketParentId).setMinValues(0).setMaxValues(1)
			)
		);
	if (step === 3) {
		components.push(row(channelMenu(0, keys.TranscriptsPlaceholder, ChannelType.GuildText, settings.transcriptChannelId)));
		components.push(row(channelMenu(1, keys.LogsPlaceholder, ChannelType.GuildText, settings.logChannelId)));
	}
	let extra: ButtonBuilder[] = [];
	if (step === 4) {
		components.push(row(channelMenu(0, keys.PanelChannelPlaceholder, ChannelType.GuildText, panel?.channelId)));
		const offered = categories.slice(0, MAX_PANEL_CATEGORIES);
		if (offered.length)
			components.push(
				row(
					new StringSelectMenuBuilder()
						.setCustomId(id(4, 1))
						.setPlaceholder(t(keys.CategoriesPlaceholder))
						.setMinValues(1)
						.setMaxValues(offered.length)
						.addOptions(
							offered.map((category) => ({
								label: cut(category.displayName, 100),
								value: category.key,
								default: panelCategories.some((entry) => entry.key === category.key)
							}))
						)
				)
			);
		extra = [new ButtonBuilder().setCustomId(id(4, 2)).setLabel(t(keys.Post)).setStyle(ButtonStyle.Success).setDisabled(!panel)];
	}
	components.push(navigation(step, t, extra));
	return { embeds: [embed], components };
}

/** The text channel picked in a menu; a channel the bot cannot even see is refused with what it needs there. */
function visibleTextChannel(guild: Guild, channelId: string | undefined) {
	const channel = channelId ? guild.channels.cache.get(channelId) : undefined;
	if (channel?.type === ChannelType.GuildText) return channel;
	refuse(LanguageKeys.Logs.BotCannotPost, { channel: `<#${channelId}>`, permissions: 'ViewChannel' });
}

/**
 * Saves one choice of a step: support roles (1), the ticket channels' Discord category (2), the transcript
 * and log channels (3), the panel's channel and categories, and posting it (4). Each is recorded in the
 * audit log like the command that makes the same change.
 */
export async function applySetupChoice(
	services: SetupServices,
	guild: Guild,
	data: GuildData,
	actorId: string,
	step: number,
	control: number,
	values: readonly string[],
	t: Translate
): Promise<void> {
	const audit = (action: 'settings.support_roles' | 'settings.updated' | 'settings.channels', details: Record<string, unknown>) =>
		services.audit.record(data, { actorId, action, details });
	if (step === 1 && control === 0) {
		// The same refusals as every role option: never @everyone, a managed role or one above the bot.
		for (const role of values) assertUsableRole(guild.id, role, services.ticketServices.roles);
		const roleIds = values.slice(0, MAX_SUPPORT_ROLES);
		await data.updateSettings({ supportRoleIds: writeList(roleIds) });
		return audit('settings.support_roles', { roleIds });
	}
	if (step === 2 && control === 0) {
		const parent = values[0] ? guild.channels.cache.get(values[0]) : undefined;
		const ticketParentId = parent?.type === ChannelType.GuildCategory ? parent.id : null;
		await data.updateSettings({ ticketParentId });
		return audit('settings.updated', { ticketParentId });
	}
	if (step === 3 && (control === 0 || control === 1)) {
		const channel = visibleTextChannel(guild, values[0]);
		assertCanPost(channel);
		const field = control === 0 ? 'transcriptChannelId' : 'logChannelId';
		await data.updateSettings({ [field]: channel.id });
		return audit('settings.channels', { [field]: channel.id });
	}
	if (step === 4 && control === 0) {
		const channel = visibleTextChannel(guild, values[0]);
		const existing = await services.panels.byKey(data, SETUP_PANEL);
		const { created } = await services.panels.upsert(data, SETUP_PANEL, {
			channelId: channel.id,
			title: existing?.title ?? t(keys.PanelTitle),
			description: existing ? existing.description : t(keys.PanelDescription)
		});
		await services.audit.record(data, {
			actorId,
			action: created ? 'panel.created' : 'panel.updated',
			details: { key: SETUP_PANEL }
		});
		return;
	}
	if (step === 4 && control === 1) {
		const existing = await services.panels.byKey(data, SETUP_PANEL);
		if (!existing) refuse(keys.ChannelFirst);
		const known = new Set((await services.categories.list(data)).map((category) => category.key));
		const categoryKeys = values.filter((key) => known.has(key));
		await services.panels.upsert(data, SETUP_PANEL, { channelId: existing.channelId, title: existing.title, categoryKeys });
		await services.audit.record(data, { actorId, action: 'panel.updated', details: { key: SETUP_PANEL, categoryKeys } });
		return;
	}
	if (step === 4 && control === 2) {
		await deployPanel(services, guild, data, SETUP_PANEL, { actorId });
	}
}
