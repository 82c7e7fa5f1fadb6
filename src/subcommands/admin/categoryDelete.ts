import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const categoryDelete: SubcommandDefinition = {
	name: 'category_delete',
	description: 'Delete a ticket category that no ticket was filed under',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [{ name: 'key', type: 'string', description: 'Which category', required: true, maxLength: 32 }],
	async run(context) {
		const { t } = context;
		const data = container.db.forGuild(context.guild.id);
		const { category, panels } = await container.categories.delete(data, context.options.string('key')!);
		await container.audit.record(data, {
			actorId: context.member.id,
			action: 'category.deleted',
			details: { key: category.key, panels }
		});
		const lines = [t(LanguageKeys.Categories.Deleted, { name: userText(category.displayName, 80), key: category.key })];
		if (panels.length)
			lines.push(t(LanguageKeys.Categories.DeletedFromPanels, { panels: panels.map((key) => `\`${key}\``).join(', ') }));
		await context.reply(lines.join('\n'));
	}
};
