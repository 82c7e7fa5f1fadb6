import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { reloadBot } from '../../lib/admin/reload.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const reload: SubcommandDefinition = {
	name: 'reload',
	description: 'Reload config.yaml and the bot’s pieces (bot owners only: it affects every server)',
	answer: 'caller',
	preconditions: ['BotOwner'],
	async run(context) {
		await context.defer();
		const report = await reloadBot(container);
		const { t } = context;
		const pieces = t(LanguageKeys.Admin.Reloaded, { pieces: report.pieces, stores: report.stores });
		const config = report.configError
			? t(LanguageKeys.Admin.ConfigKept, { error: report.configError })
			: t(report.fromFile ? LanguageKeys.Admin.ConfigReloaded : LanguageKeys.Admin.ConfigDefaults);
		await context.reply(`${pieces}\n${config}`);
	}
};
