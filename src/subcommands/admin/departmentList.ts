import { container } from '@sapphire/framework';
import { shownRoles } from '../../lib/chat/render.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { readList } from '../../lib/database/json.js';
import { escalationLevels, listDepartments } from '../../lib/departments/departments.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

export const departmentList: SubcommandDefinition = {
	name: 'department_list',
	description: 'List the departments and the escalation roles',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	async run(context) {
		const { t } = context;
		const data = container.db.forGuild(context.guild.id);
		const [departments, settings] = await Promise.all([listDepartments(data), data.settings()]);
		const escalation = readList(settings.escalationRoleIds);
		const lines = [
			departments.length
				? departments
						.map(
							(department) =>
								`**${userText(department.name, 32)}**: ${shownRoles(t, context.guild.id, department.staffRoleIds, container.ticketServices.roles)}`
						)
						.join('\n')
				: t(LanguageKeys.Routing.NoDepartments),
			escalation.length
				? t(LanguageKeys.Routing.EscalationLevels, {
						levels: escalationLevels(escalation)
					})
				: t(LanguageKeys.Routing.NoEscalationRoles)
		];
		await context.reply(lines.join('\n\n'));
	}
};
