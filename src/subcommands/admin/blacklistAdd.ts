import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { callerOf } from '../../lib/chat/caller.js';
import { discordText } from '../../lib/discord/render.js';
import { blacklistMember } from '../../lib/settings/adminSettings.js';

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
		const done = await blacklistMember(container, callerOf(container, context.member), context.guild.id, {
			userId: context.options.user('user')!.id,
			hours: context.options.integer('hours')!,
			reason: context.options.string('reason')!
		});
		await context.reply(discordText(context.t, done));
	}
};
