import { OverwriteType } from 'discord.js';
import { readList } from '../database/json.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { ticketStaffRoles } from './access.js';
import { recorded, staffOperation, type OperationContext, type OperationResult } from './operations.js';
import { MEMBER_ACCESS, MEMBER_BITS } from '../discord/ticketChannels.js';
import { refuse } from '../errors/Refusal.js';

/** Escalation levels a ticket can be raised to. */
export const MAX_ESCALATION_LEVEL = 5;

/**
 * Raises the ticket's escalation level. The role the guild set for that level gains access to the
 * channel (one overwrite call, none when it already has it) and is pinged in the answer.
 */
export async function escalateTicket(context: OperationContext, level: number): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'edit');
	if (level <= ticket.escalationLevel) refuse(LanguageKeys.Tickets.EscalateNotHigher, { level: ticket.escalationLevel });
	const { count } = await context.data.db.ticket.updateMany({
		where: { id: ticket.id, escalationLevel: ticket.escalationLevel },
		data: { escalationLevel: level }
	});
	if (count === 0) refuse(LanguageKeys.Tickets.EscalateNotHigher, { level });
	const settings = await context.data.settings();
	const roleId = readList(settings.escalationRoleIds)[level - 1];
	const role = roleId ? context.channel.guild.roles.cache.get(roleId) : undefined;
	const by = `<@${context.member.id}>`;
	if (!role) {
		return recorded(
			context,
			ticket.id,
			'ticket.escalated',
			LanguageKeys.Tickets.EscalatedNoRole,
			{ level, by },
			{ details: { level } }
		);
	}
	if ('permissionOverwrites' in context.channel && !context.channel.permissionOverwrites.cache.has(role.id)) {
		await context.channel.permissionOverwrites.create(role.id, MEMBER_ACCESS, { reason: `escalated to level ${level}` });
	}
	const result = await recorded(
		context,
		ticket.id,
		'ticket.escalated',
		LanguageKeys.Tickets.Escalated,
		{ level, by, role: `<@&${role.id}>` },
		{ targetId: role.id, details: { level } }
	);
	return { ...result, pingRoles: [role.id] };
}

/**
 * Routes the ticket to a department: the department's staff roles gain access and the roles that
 * worked it until now lose it (the guild's support roles keep theirs), in one overwrite call.
 */
export async function routeToDepartment(context: OperationContext, name: string): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'edit');
	const departments = await context.data.db.department.findMany({ orderBy: { name: 'asc' } });
	const department = departments.find((entry) => entry.name.toLowerCase() === name.trim().toLowerCase());
	if (!department) {
		const known = departments.map((entry) => `\`${userText(entry.name, 32).replaceAll('`', "'")}\``).join(', ');
		if (!known) refuse(LanguageKeys.Tickets.NoDepartments);
		refuse(LanguageKeys.Tickets.UnknownDepartment, { name: userText(name, 32), known });
	}
	if (department.id === ticket.departmentId)
		refuse(LanguageKeys.Tickets.AlreadyInDepartment, { name: userText(department.name, 32) });
	const before = await ticketStaffRoles(context.data, ticket);
	await context.data.db.ticket.update({ where: { id: ticket.id }, data: { departmentId: department.id } });
	const incoming = readList(department.staffRoleIds).filter((id) => context.channel.guild.roles.cache.has(id));
	const keep = new Set([...incoming, ...before.support]);
	const leaving = new Set(before.team.filter((id) => !keep.has(id)));
	if ('permissionOverwrites' in context.channel) {
		const overwrites = context.channel.permissionOverwrites.cache
			.filter((overwrite) => !leaving.has(overwrite.id) && !incoming.includes(overwrite.id))
			.map((overwrite) => ({
				id: overwrite.id,
				type: overwrite.type,
				allow: overwrite.allow.bitfield,
				deny: overwrite.deny.bitfield
			}));
		for (const id of incoming) overwrites.push({ id, type: OverwriteType.Role, allow: MEMBER_BITS, deny: 0n });
		await context.channel.permissionOverwrites.set(overwrites, `routed to ${department.name}`);
	}
	return recorded(
		context,
		ticket.id,
		'ticket.department',
		LanguageKeys.Tickets.DepartmentSet,
		{ name: userText(department.name, 32), by: `<@${context.member.id}>` },
		{ details: { from: ticket.departmentId, to: department.id, name: department.name } }
	);
}
