import { container } from '@sapphire/framework';
import { parseRoleInput, roleWords } from '../../lib/access/roles.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { writeList } from '../../lib/database/json.js';
import { escalationLevels } from '../../lib/departments/departments.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { MAX_ESCALATION_LEVEL } from '../../lib/tickets/escalate.js';
import { refuse } from '../../lib/errors/Refusal.js';

export const escalationRoles: SubcommandDefinition = {
	name: 'escalation_roles',
	description: 'Roles pinged at each escalation level, in order (level 1 first)',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{
			name: 'roles',
			type: 'string',
			description: 'Role mentions or IDs, level 1 first; "none" clears them',
			required: true,
			maxLength: 500
		}
	],
	async run(context) {
		const { guild, options, t } = context;
		const text = options.string('roles')!.trim();
		if (roleWords(text).length > MAX_ESCALATION_LEVEL)
			refuse(LanguageKeys.Routing.TooManyEscalationRoles, { max: MAX_ESCALATION_LEVEL });
		const roleIds = /^none$/i.test(text) ? [] : parseRoleInput(text, guild.id, container.ticketServices.roles);
		const data = container.db.forGuild(guild.id);
		await data.updateSettings({ escalationRoleIds: writeList(roleIds) });
		await container.audit.record(data, { actorId: context.member.id, action: 'settings.escalation_roles', details: { roleIds } });
		await context.reply(
			roleIds.length
				? t(LanguageKeys.Routing.EscalationLevels, { levels: escalationLevels(roleIds) })
				: t(LanguageKeys.Routing.NoEscalationRoles)
		);
	}
};
