import { container } from '@sapphire/framework';
import { parseRoleInput, roleWords } from '../../lib/access/roles.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { writeList } from '../../lib/database/json.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { refuse } from '../../lib/errors/Refusal.js';

/** A guild may name at most this many roles in one role list. */
const MAX_ROLES = 10;

/** A subcommand that replaces one of the guild's role lists ("none" empties it). */
function roleListSetting(spec: {
	name: 'support_roles' | 'admin_roles';
	description: string;
	field: 'supportRoleIds' | 'adminRoleIds';
	setKey: typeof LanguageKeys.Settings.SupportRolesSet;
	clearedKey: typeof LanguageKeys.Settings.SupportRolesCleared;
}): SubcommandDefinition {
	return {
		name: spec.name,
		description: spec.description,
		answer: 'caller',
		preconditions: ['AdminOnly'],
		options: [
			{ name: 'roles', type: 'string', description: 'Role mentions or IDs; "none" clears them', required: true, maxLength: 500 }
		],
		async run(context) {
			const { guild, options, t } = context;
			const text = options.string('roles')!.trim();
			if (roleWords(text).length > MAX_ROLES) refuse(LanguageKeys.Settings.TooManyRoles, { max: MAX_ROLES });
			const roleIds = /^none$/i.test(text) ? [] : parseRoleInput(text, guild.id, container.ticketServices.roles);
			const data = container.db.forGuild(guild.id);
			await data.updateSettings({ [spec.field]: writeList(roleIds) });
			await container.audit.record(data, { actorId: context.member.id, action: `settings.${spec.name}`, details: { roleIds } });
			await context.reply(
				roleIds.length ? t(spec.setKey, { roles: roleIds.map((id) => `<@&${id}>`).join(' ') }) : t(spec.clearedKey)
			);
		}
	};
}

export const supportRoles = roleListSetting({
	name: 'support_roles',
	description: 'Roles that work every ticket, whatever its category',
	field: 'supportRoleIds',
	setKey: LanguageKeys.Settings.SupportRolesSet,
	clearedKey: LanguageKeys.Settings.SupportRolesCleared
});

export const adminRoles = roleListSetting({
	name: 'admin_roles',
	description: 'Roles that may configure the bot (besides Manage Server)',
	field: 'adminRoleIds',
	setKey: LanguageKeys.Settings.AdminRolesSet,
	clearedKey: LanguageKeys.Settings.AdminRolesCleared
});
