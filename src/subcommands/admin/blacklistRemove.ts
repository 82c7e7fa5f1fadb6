import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const blacklistRemove: SubcommandDefinition = {
	name: 'blacklist_remove',
	description: 'Let a member open tickets again',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [{ name: 'user', type: 'user', description: 'Who', required: true }],
	async run(context) {
		const user = context.options.user('user')!;
		const data = container.db.forGuild(context.guild.id);
		const removed = await container.blacklist.remove(data, user.id);
		if (removed)
			await container.audit.record(data, { actorId: context.member.id, action: 'blacklist.removed', targetId: user.id });
		await context.reply(
			context.t(removed ? LanguageKeys.Blacklist.Removed : LanguageKeys.Blacklist.NotListed, { user: `<@${user.id}>` })
		);
	}
};
