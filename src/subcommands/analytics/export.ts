import { container } from '@sapphire/framework';
import { AttachmentBuilder } from 'discord.js';
import { exportFile } from '../../lib/analytics/exportFile.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { refuse } from '../../lib/errors/Refusal.js';

export const exportTickets: SubcommandDefinition = {
	name: 'export',
	description: 'The server’s tickets as a CSV file',
	answer: 'private',
	preconditions: ['GuildStaff'],
	async run(context) {
		await context.defer();
		const { csv, rows } = await container.analytics.exportCsv(container.db.forGuild(context.guild.id));
		const file = exportFile(csv, `tickets-${new Date().toISOString().slice(0, 10)}`);
		if (!file) refuse(LanguageKeys.Analytics.ExportTooLarge, { count: rows });
		const { t } = context;
		const content = [
			t(LanguageKeys.Analytics.ExportReady, { count: rows }),
			file.compressed ? t(LanguageKeys.Analytics.ExportCompressed) : null
		];
		await context.reply({
			content: content.filter(Boolean).join(' '),
			files: [new AttachmentBuilder(file.data, { name: file.name })]
		});
	}
};
