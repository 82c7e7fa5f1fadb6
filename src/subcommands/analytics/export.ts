import { container } from '@sapphire/framework';
import { AttachmentBuilder } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/commands/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const exportTickets: SubcommandDefinition = {
	name: 'export',
	description: 'The server’s tickets as a CSV file',
	preconditions: ['GuildStaff'],
	async run(context) {
		await context.defer();
		const { csv, rows } = await container.analytics.exportCsv(container.db.forGuild(context.guild.id));
		const name = `tickets-${new Date().toISOString().slice(0, 10)}.csv`;
		await context.reply({
			content: context.t(LanguageKeys.Analytics.ExportReady, { count: rows }),
			files: [new AttachmentBuilder(Buffer.from(csv, 'utf8'), { name })]
		});
	}
};
