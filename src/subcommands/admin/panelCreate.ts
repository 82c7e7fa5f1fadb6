import { container } from '@sapphire/framework';
import { ChannelType } from 'discord.js';
import { callerOf } from '../../lib/chat/caller.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { discordText } from '../../lib/discord/render.js';
import { PANEL_MODES, PANEL_STYLES } from '../../lib/panels/PanelService.js';
import { savePanel } from '../../lib/panels/panelAdmin.js';

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
		const { options } = context;
		const text = (name: string) => (options.has(name) ? options.string(name)! : undefined);
		const done = await savePanel(container, callerOf(container, context.member), context.guild, {
			key: options.string('panel_id')!,
			channelId: options.channel('channel')!.id,
			title: options.string('title')!,
			description: text('description'),
			buttonLabel: text('button_label'),
			emoji: text('emoji'),
			style: text('style'),
			mode: text('mode'),
			categories: text('categories')
		});
		await context.reply(discordText(context.t, done));
	}
};
