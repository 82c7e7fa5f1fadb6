import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { callerOf } from '../../lib/chat/caller.js';
import { discordText } from '../../lib/discord/render.js';
import { unblacklistMember } from '../../lib/settings/adminSettings.js';

export const blacklistRemove: SubcommandDefinition = {
	name: 'blacklist_remove',
	description: 'Let a member open tickets again',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [{ name: 'user', type: 'user', description: 'Who', required: true }],
	async run(context) {
		const actor = callerOf(container, context.member);
		const done = await unblacklistMember(container, actor, context.guild.id, context.options.user('user')!.id);
		await context.reply(discordText(context.t, done));
	}
};
