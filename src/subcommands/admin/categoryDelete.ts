import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { callerOf } from '../../lib/chat/caller.js';
import { discordText } from '../../lib/discord/render.js';
import { deleteCategory } from '../../lib/settings/categorySettings.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const categoryDelete: SubcommandDefinition = {
	name: 'category_delete',
	description: 'Delete a ticket category that no ticket was filed under',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [{ name: 'key', type: 'string', description: 'Which category', required: true, maxLength: 32 }],
	async run(context) {
		const { t } = context;
		const { done, panels } = await deleteCategory(
			container,
			callerOf(container, context.member),
			context.guild.id,
			context.options.string('key')!
		);
		const lines = [discordText(t, done)];
		if (panels.length)
			lines.push(t(LanguageKeys.Categories.DeletedFromPanels, { panels: panels.map((key) => `\`${key}\``).join(', ') }));
		await context.reply(lines.join('\n'));
	}
};
