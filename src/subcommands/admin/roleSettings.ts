import { container } from '@sapphire/framework';
import { callerOf } from '../../lib/chat/caller.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { discordText } from '../../lib/discord/render.js';
import { setRoleList, type RoleList } from '../../lib/settings/adminSettings.js';

/** A subcommand that replaces one of the guild's role lists ("none" empties it). */
function roleListSetting(name: RoleList, description: string): SubcommandDefinition {
	return {
		name,
		description,
		answer: 'caller',
		preconditions: ['AdminOnly'],
		options: [
			{ name: 'roles', type: 'string', description: 'Role mentions or IDs; "none" clears them', required: true, maxLength: 500 }
		],
		async run(context) {
			const actor = callerOf(container, context.member);
			const done = await setRoleList(container, actor, context.guild.id, name, context.options.string('roles')!);
			await context.reply(discordText(context.t, done));
		}
	};
}

export const supportRoles = roleListSetting('support_roles', 'Roles that work every ticket, whatever its category');

export const adminRoles = roleListSetting('admin_roles', 'Roles that may configure the bot (besides Manage Server)');
