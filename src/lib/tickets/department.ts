import { entryAuthor } from '../access/actor.js';
import { usableRoles } from '../access/roles.js';
import { readList } from '../database/json.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, userList, userWritten } from '../i18n/notice.js';
import { routed } from './channels.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { mention, overwriteEffect, staffScene } from './ticket.js';

/**
 * Routes the ticket to a department: its staff roles gain access and the roles that worked the ticket
 * until now lose it (the guild's support roles keep theirs), in one overwrite call.
 */
export const routeToDepartment = useCase<{ name: string }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { name }) => {
		const scene = await staffScene(services, actor, guildId, ticketId, 'edit');
		const departments = await scene.data.db.department.findMany({ orderBy: { name: 'asc' } });
		const department = departments.find((entry) => entry.name.toLowerCase() === name.trim().toLowerCase());
		if (!department) {
			if (departments.length === 0) refuse(LanguageKeys.Tickets.NoDepartments);
			refuse(LanguageKeys.Tickets.UnknownDepartment, {
				name: userWritten(name, 32),
				known: userList(departments.map((entry) => userWritten(entry.name, 32, { code: true })))
			});
		}
		const shownName = userWritten(department.name, 32);
		const from = scene.ticket.departmentId;
		if (department.id === from) refuse(LanguageKeys.Tickets.AlreadyInDepartment, { name: shownName });
		const incoming = usableRoles(guildId, readList(department.staffRoleIds), services.roles, services.log, 'department staff');
		const keep = new Set([...incoming, ...scene.roles.supportRoleIds]);
		const leaving = scene.team.filter((id) => !keep.has(id));
		await commitChange(services, scene.data, {
			entry: {
				ticketId,
				...entryAuthor(actor),
				action: 'ticket.department',
				details: { from, to: department.id, name: department.name }
			},
			write: async (tx) =>
				(await tx.ticket.updateMany({ where: { id: ticketId, departmentId: from }, data: { departmentId: department.id } }))
					.count === 1,
			lost: notice(LanguageKeys.Tickets.AlreadyInDepartment, { name: shownName }),
			effect: overwriteEffect(services, scene, (current) => routed(current, leaving, incoming), `routed to ${department.name}`),
			undo: async (tx) => {
				await tx.ticket.updateMany({ where: { id: ticketId, departmentId: department.id }, data: { departmentId: from } });
			}
		});
		return { ticketId, notice: notice(LanguageKeys.Tickets.DepartmentSet, { name: shownName, by: mention(actor.userId) }) };
	}
);
