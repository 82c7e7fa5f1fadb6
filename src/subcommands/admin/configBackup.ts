import { container } from '@sapphire/framework';
import { AttachmentBuilder } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const configBackup: SubcommandDefinition = {
	name: 'config_backup',
	description: 'Save this server’s bot configuration as a JSON file',
	answer: 'private',
	preconditions: ['AdminOnly'],
	async run(context) {
		await context.defer();
		const data = container.db.forGuild(context.guild.id);
		const { filename, content } = await container.backups.backup(data, context.member.id);
		const backup = JSON.parse(content) as {
			categories: unknown[];
			departments: unknown[];
			panels: unknown[];
			snippets: unknown[];
		};
		await container.audit.record(data, { actorId: context.member.id, action: 'settings.backup', details: { filename } });
		await context.reply({
			content: context.t(LanguageKeys.Backups.Created, {
				filename,
				categories: backup.categories.length,
				departments: backup.departments.length,
				panels: backup.panels.length,
				snippets: backup.snippets.length
			}),
			files: [new AttachmentBuilder(Buffer.from(content, 'utf8'), { name: filename })]
		});
	}
};
