import { container } from '@sapphire/framework';
import { ChannelType } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { parseEmoji } from '../../lib/text/emoji.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { PANEL_MODES, PANEL_STYLES, type PanelButtonStyle, type PanelMode } from '../../lib/panels/PanelService.js';
import { MAX_PANEL_CATEGORIES } from '../../lib/panels/renderPanel.js';
import { refuse } from '../../lib/errors/Refusal.js';

const KEY = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export const panelCreate: SubcommandDefinition = {
	name: 'panel_create',
	description: 'Create or update a ticket panel',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'panel_id', type: 'string', description: 'Short ID, e.g. support', required: true, maxLength: 32, rest: false },
		{
			name: 'channel',
			type: 'channel',
			description: 'Where the panel is posted',
			required: true,
			channelTypes: [ChannelType.GuildText]
		},
		{ name: 'title', type: 'string', description: 'Panel title', required: true, maxLength: 256 },
		{ name: 'description', type: 'string', description: 'Text under the title', maxLength: 2000, rest: false },
		{
			name: 'button_label',
			type: 'string',
			description: 'Label of a single button, or menu placeholder',
			maxLength: 80,
			rest: false
		},
		{ name: 'emoji', type: 'string', description: 'Emoji on the buttons', maxLength: 64, rest: false },
		{ name: 'style', type: 'string', description: 'Button colour', choices: PANEL_STYLES },
		{ name: 'mode', type: 'string', description: 'A button per category, or one menu', choices: PANEL_MODES },
		{
			name: 'categories',
			type: 'string',
			description: 'Category keys, comma-separated (default: all)',
			maxLength: 900,
			rest: false
		}
	],
	async run(context) {
		const { options, t } = context;
		const key = options.string('panel_id')!.toLowerCase();
		if (!KEY.test(key)) refuse(LanguageKeys.Panels.BadKey, { key: userText(key, 40) });
		const data = container.db.forGuild(context.guild.id);
		let categoryKeys: string[] | undefined;
		if (options.has('categories')) {
			categoryKeys = [
				...new Set(
					options
						.string('categories')!
						.split(',')
						.map((entry) => entry.trim().toLowerCase())
						.filter(Boolean)
				)
			];
			const known = await container.categories.list(data);
			const unknown = categoryKeys.filter((entry) => !known.some((category) => category.key === entry));
			if (unknown.length > 0) {
				refuse(LanguageKeys.Panels.UnknownCategories, {
					keys: unknown.map((entry) => `\`${userText(entry, 32)}\``).join(', '),
					available: known.map((category) => `\`${category.key}\``).join(', ')
				});
			}
			categoryKeys = categoryKeys.slice(0, MAX_PANEL_CATEGORIES);
		}
		const channel = options.channel('channel')!;
		const { panel, created } = await container.panels.upsert(data, key, {
			channelId: channel.id,
			title: options.string('title')!,
			...(options.has('description') ? { description: options.string('description') } : {}),
			...(options.has('button_label') ? { buttonLabel: options.string('button_label') } : {}),
			...(options.has('emoji') ? { emoji: parseEmoji(options.string('emoji')!) } : {}),
			...(options.has('style') ? { buttonStyle: options.string('style') as PanelButtonStyle } : {}),
			...(options.has('mode') ? { mode: options.string('mode') as PanelMode } : {}),
			...(categoryKeys ? { categoryKeys } : {})
		});
		await container.audit.record(data, {
			actorId: context.member.id,
			action: created ? 'panel.created' : 'panel.updated',
			details: { key }
		});
		await context.reply(
			t(created ? LanguageKeys.Panels.Created : LanguageKeys.Panels.Updated, { key: panel.key, channel: `<#${panel.channelId}>` })
		);
	}
};
