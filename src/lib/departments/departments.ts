import type { GuildData } from '../database/guildData.js';
import { readList, writeList } from '../database/json.js';

/** A guild may route tickets to at most this many departments. */
export const MAX_DEPARTMENTS = 25;

export const DEPARTMENT_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,31}$/u;

export interface DepartmentView {
	name: string;
	staffRoleIds: string[];
}

/** Creates the department or replaces its staff roles; names match case-insensitively. */
export async function upsertDepartment(
	data: GuildData,
	name: string,
	staffRoleIds: readonly string[]
): Promise<{ department: DepartmentView; created: boolean } | { full: true }> {
	const existing = (await data.db.department.findMany()).find((entry) => entry.name.toLowerCase() === name.toLowerCase());
	if (existing) {
		const updated = await data.db.department.update({
			where: { id: existing.id },
			data: { staffRoleIds: writeList(staffRoleIds) }
		});
		return { department: { name: updated.name, staffRoleIds: readList(updated.staffRoleIds) }, created: false };
	}
	if ((await data.db.department.count()) >= MAX_DEPARTMENTS) return { full: true };
	const created = await data.db.department.create({
		data: { guildId: data.guildId, name, staffRoleIds: writeList(staffRoleIds) }
	});
	return { department: { name: created.name, staffRoleIds: readList(created.staffRoleIds) }, created: true };
}

export async function listDepartments(data: GuildData): Promise<DepartmentView[]> {
	const rows = await data.db.department.findMany({ orderBy: { name: 'asc' } });
	return rows.map((row) => ({ name: row.name, staffRoleIds: readList(row.staffRoleIds) }));
}

/** "1: @role · 2: @role": the escalation role of each level. */
export function escalationLevels(roleIds: readonly string[]): string {
	return roleIds.map((id, index) => `${index + 1}: <@&${id}>`).join(' · ');
}
