import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const configRestore: SubcommandDefinition = {
	name: 'config_restore',
	description: 'Restore this server’s bot configuration from one of its backups',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'filename', type: 'string', description: 'The backup’s file name (config-….json)', required: true, maxLength: 100 }
	],
	async run(context) {
		await context.defer();
		const { guild, t } = context;
		const data = container.db.forGuild(guild.id);
		const backup = await container.backups.load(data, context.options.string('filename')!);
		const report = await container.backups.restore(data, backup, {
			// Roles the bot refuses as staff (@everyone, managed, above the bot) are left out like deleted ones.
			roleIds: new Set([...guild.roles.cache.keys()].filter((id) => !container.ticketServices.roles.problem(guild.id, id))),
			channelIds: new Set(guild.channels.cache.keys())
		});
		await container.preferences.invalidate(guild.id);
		await container.audit.record(data, {
			actorId: context.member.id,
			action: 'settings.restored',
			details: { filename: context.options.string('filename')!.trim(), missing: report.missing, kept: report.kept }
		});
		const { categories, departments, panels, snippets } = report;
		const lines = [t(LanguageKeys.Backups.Restored, { categories, departments, panels, snippets })];
		if (report.missing) lines.push(t(LanguageKeys.Backups.RestoredMissing, { count: report.missing }));
		if (report.kept.length)
			lines.push(
				t(LanguageKeys.Backups.RestoredKept, { names: report.kept.map((name) => `\`${userText(name, 40)}\``).join(', ') })
			);
		await context.reply(lines.join('\n'));
	}
};
