import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { setLockdown } from '../../lib/security/lockdown.js';

export const lockdown: SubcommandDefinition = {
	name: 'lockdown',
	description: 'Pause ticket creation on the whole server',
	answer: 'channel',
	preconditions: ['AdminOnly'],
	options: [{ name: 'reason', type: 'string', description: 'Why (kept in the audit log)', maxLength: 500 }],
	async run(context) {
		await setLockdown(
			container,
			container.db.forGuild(context.guild.id),
			true,
			context.member.id,
			context.options.string('reason')
		);
		await context.reply({ content: context.t(LanguageKeys.Security.LockdownOn) });
	}
};

export const unlockdown: SubcommandDefinition = {
	name: 'unlockdown',
	description: 'Resume ticket creation after a lockdown',
	answer: 'channel',
	preconditions: ['AdminOnly'],
	async run(context) {
		await setLockdown(container, container.db.forGuild(context.guild.id), false, context.member.id, null);
		await context.reply({ content: context.t(LanguageKeys.Security.LockdownOff) });
	}
};
