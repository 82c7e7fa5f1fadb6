import { container } from '@sapphire/framework';
import { parseRoleInput } from '../../lib/access/roles.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { DEPARTMENT_NAME, MAX_DEPARTMENTS, upsertDepartment } from '../../lib/departments/departments.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { refuse } from '../../lib/errors/Refusal.js';

export const departmentUpsert: SubcommandDefinition = {
	name: 'department_upsert',
	description: 'Create a department or change its staff roles',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'name', type: 'string', description: 'Department name, e.g. Billing', required: true, maxLength: 32, rest: false },
		{
			name: 'staff_roles',
			type: 'string',
			description: 'Roles that work its tickets (mentions or IDs)',
			required: true,
			maxLength: 500
		}
	],
	async run(context) {
		const { guild, options, t } = context;
		const name = options.string('name')!.trim();
		if (!DEPARTMENT_NAME.test(name)) refuse(LanguageKeys.Routing.BadDepartmentName, { name: userText(name, 40) });
		const roleIds = parseRoleInput(options.string('staff_roles')!, guild.id, container.ticketServices.roles);
		if (roleIds.length === 0) refuse(LanguageKeys.Routing.DepartmentNeedsRoles);
		const data = container.db.forGuild(guild.id);
		const result = await upsertDepartment(data, name, roleIds);
		if ('full' in result) refuse(LanguageKeys.Routing.TooManyDepartments, { max: MAX_DEPARTMENTS });
		await container.audit.record(data, {
			actorId: context.member.id,
			action: result.created ? 'department.created' : 'department.updated',
			details: { name: result.department.name, staffRoleIds: roleIds }
		});
		const key = result.created ? LanguageKeys.Routing.DepartmentCreated : LanguageKeys.Routing.DepartmentUpdated;
		await context.reply(
			t(key, { name: userText(result.department.name, 32), roles: roleIds.map((id) => `<@&${id}>`).join(' ') })
		);
	}
};
