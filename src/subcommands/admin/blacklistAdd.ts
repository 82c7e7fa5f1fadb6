import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const blacklistAdd: SubcommandDefinition = {
	name: 'blacklist_add',
	description: 'Stop a member from opening tickets',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'user', type: 'user', description: 'Who', required: true },
		{ name: 'hours', type: 'integer', description: 'For how long (0: until removed)', required: true, min: 0, max: 87_600 },
		{ name: 'reason', type: 'string', description: 'Why (shown to them when they try)', required: true, maxLength: 500 }
	],
	async run(context) {
		const user = context.options.user('user')!;
		const hours = context.options.integer('hours')!;
		const data = container.db.forGuild(context.guild.id);
		await container.blacklist.add(data, user.id, hours, context.options.string('reason')!, context.member.id);
		await container.audit.record(data, {
			actorId: context.member.id,
			action: 'blacklist.added',
			targetId: user.id,
			details: { hours }
		});
		const text =
			hours > 0
				? context.t(LanguageKeys.Blacklist.Added, { user: `<@${user.id}>`, count: hours })
				: context.t(LanguageKeys.Blacklist.AddedForever, { user: `<@${user.id}>` });
		await context.reply(text);
	}
};
