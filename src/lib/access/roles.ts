import type { GuildData } from '../database/guildData.js';
import { readList } from '../database/json.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { GuildRoles, GuildTeams } from './policy.js';

/** Why the bot will not use a role as a staff, support, admin or escalation role. */
export type RoleProblem = 'everyone' | 'managed' | 'above-bot' | 'unknown';

/**
 * What the bot knows of a guild's roles (the Discord gateway answers from its cache). A role the bot
 * could not grant a ticket channel to, or that every member holds, never makes anyone staff.
 */
export interface RoleCheck {
	/** The problem with this role, or null when the bot can use it; null too when the guild is unknown here. */
	problem(guildId: string, roleId: string): RoleProblem | null;
}

/** For tests and processes without Discord: only @everyone is refused. */
export const everyoneOnlyCheck: RoleCheck = {
	problem: (guildId, roleId) => (roleId === guildId ? 'everyone' : null)
};

export interface RoleLog {
	warn(message: string, fields?: object): void;
}

/** The stored roles the bot still accepts; the others are left out, each with a log line. */
export function usableRoles(
	guildId: string,
	roleIds: readonly string[],
	check: RoleCheck,
	log: RoleLog,
	where: string
): string[] {
	return roleIds.filter((roleId) => {
		const problem = check.problem(guildId, roleId);
		if (problem) log.warn(`Ignoring a stored role the bot refuses (${problem})`, { guildId, roleId, where });
		return problem === null;
	});
}

export interface RoleSources {
	check: RoleCheck;
	log: RoleLog;
}

/** The guild's admin and support roles, as the policy uses them. */
export async function guildRoles(data: GuildData, roles: RoleSources): Promise<GuildRoles> {
	const settings = await data.shared('settings', () => data.settings());
	return {
		guildId: data.guildId,
		adminRoleIds: usableRoles(data.guildId, readList(settings.adminRoleIds), roles.check, roles.log, 'admin roles'),
		supportRoleIds: usableRoles(data.guildId, readList(settings.supportRoleIds), roles.check, roles.log, 'support roles')
	};
}

/** The roles that work a ticket: its department's once it was routed to one, else its category's. */
export async function ticketTeam(
	data: GuildData,
	ticket: { categoryId: number | null; departmentId: number | null },
	roles: RoleSources
): Promise<string[]> {
	const team = ticket.departmentId
		? await data.db.department.findUnique({ where: { id: ticket.departmentId }, select: { staffRoleIds: true } })
		: ticket.categoryId
			? await data.db.category.findUnique({ where: { id: ticket.categoryId }, select: { staffRoleIds: true } })
			: null;
	return usableRoles(data.guildId, readList(team?.staffRoleIds), roles.check, roles.log, 'ticket team');
}

/** Every category's and department's staff roles. */
export async function guildTeams(data: GuildData, roles: RoleSources): Promise<GuildTeams> {
	const [categories, departments] = await data.shared('teams', () =>
		Promise.all([
			data.db.category.findMany({ select: { id: true, staffRoleIds: true } }),
			data.db.department.findMany({ select: { id: true, staffRoleIds: true } })
		])
	);
	const team = (where: string) => (row: { id: number; staffRoleIds: string }) => ({
		id: row.id,
		roleIds: usableRoles(data.guildId, readList(row.staffRoleIds), roles.check, roles.log, where)
	});
	return { categories: categories.map(team('category staff')), departments: departments.map(team('department staff')) };
}

const ROLE_WORD = /^(?:<@&)?(\d{17,20})>?$/;

/** The words of a role option, for counting them before they are checked. */
export function roleWords(text: string): string[] {
	return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/**
 * Role mentions or IDs separated by spaces or commas, for every role option (staff, support, admin and
 * escalation roles): each must be a role the bot can use, or the refusal says which one and why.
 */
export function parseRoleInput(text: string, guildId: string, check: RoleCheck): string[] {
	const ids = new Set<string>();
	for (const word of roleWords(text)) {
		const id = ROLE_WORD.exec(word)?.[1] ?? (/^@?everyone$/i.test(word) ? guildId : null);
		if (!id) refuse(LanguageKeys.Categories.BadRole, { value: word.slice(0, 40) });
		assertUsableRole(guildId, id, check);
		ids.add(id);
	}
	return [...ids];
}

/** Refuses a role the bot cannot use, saying why and what to pick instead. */
export function assertUsableRole(guildId: string, roleId: string, check: RoleCheck): void {
	const problem = check.problem(guildId, roleId);
	if (problem === 'everyone') refuse(LanguageKeys.Roles.Everyone);
	if (problem === 'managed') refuse(LanguageKeys.Roles.Managed, { role: `<@&${roleId}>` });
	if (problem === 'above-bot') refuse(LanguageKeys.Roles.AboveBot, { role: `<@&${roleId}>` });
	if (problem === 'unknown') refuse(LanguageKeys.Categories.UnknownRole, { value: roleId });
}
