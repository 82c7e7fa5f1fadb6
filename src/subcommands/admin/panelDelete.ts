import { container } from '@sapphire/framework';
import { callerOf } from '../../lib/chat/caller.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { discordText } from '../../lib/discord/render.js';
import { deletePanel } from '../../lib/panels/panelAdmin.js';

export const panelDelete: SubcommandDefinition = {
	name: 'panel_delete',
	description: 'Delete a panel and the message it posted',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [{ name: 'panel_id', type: 'string', description: 'Which panel', required: true, maxLength: 32 }],
	async run(context) {
		const done = await deletePanel(
			container,
			callerOf(container, context.member),
			context.guild,
			context.options.string('panel_id')!
		);
		await context.reply(discordText(context.t, done));
	}
};
