import type { Actor } from './actor.js';

/** The guild's role settings, with the roles the bot refuses already left out (see roles.ts). */
export interface GuildRoles {
	readonly guildId: string;
	readonly adminRoleIds: readonly string[];
	readonly supportRoleIds: readonly string[];
}

/** The people of one ticket. */
export interface TicketParties {
	readonly openerId: string;
	readonly ownerId: string;
	readonly participantIds: readonly string[];
}

/** The staff roles of each category and department, for guild-wide questions (lists, analytics). */
export interface GuildTeams {
	readonly categories: readonly { id: number; roleIds: readonly string[] }[];
	readonly departments: readonly { id: number; roleIds: readonly string[] }[];
}

/** Which tickets a list may show the actor: all, those of some teams (and their own), or only their own. */
export type ListScope =
	| { readonly kind: 'all' }
	| { readonly kind: 'teams'; readonly categoryIds: readonly number[]; readonly departmentIds: readonly number[] }
	| { readonly kind: 'own' };

/** Whether the actor holds one of these roles; @everyone (the guild's ID) never counts as a role held. */
function holds(actor: Actor, guildId: string, roleIds: readonly string[]): boolean {
	return roleIds.some((id) => id !== guildId && actor.roleIds.includes(id));
}

/** The guild's owner, Manage Server, or one of the guild's admin roles. */
export function isAdmin(actor: Actor, roles: GuildRoles): boolean {
	return actor.isAdmin || holds(actor, roles.guildId, roles.adminRoleIds);
}

/** Staff of this ticket: admins, its team (department or category staff roles) and the guild's support roles. */
export function canWork(actor: Actor, roles: GuildRoles, teamRoleIds: readonly string[]): boolean {
	return isAdmin(actor, roles) || holds(actor, roles.guildId, [...teamRoleIds, ...roles.supportRoleIds]);
}

/** The opener or the current owner. */
export function isOpener(actor: Actor, ticket: TicketParties): boolean {
	return actor.userId === ticket.openerId || actor.userId === ticket.ownerId;
}

/** Who may read the ticket's details: its staff, the opener and owner, and the participants. */
export function canView(actor: Actor, roles: GuildRoles, teamRoleIds: readonly string[], ticket: TicketParties): boolean {
	return canWork(actor, roles, teamRoleIds) || isOpener(actor, ticket) || ticket.participantIds.includes(actor.userId);
}

/** Its staff close a ticket; its opener too, where the guild allows it. */
export function canClose(
	actor: Actor,
	roles: GuildRoles,
	teamRoleIds: readonly string[],
	ticket: TicketParties,
	openerMayClose: boolean
): boolean {
	return canWork(actor, roles, teamRoleIds) || (openerMayClose && isOpener(actor, ticket));
}

/**
 * A ticket about a message: its author opens one about their own message; staff open one about anyone's,
 * in a category they work (the ticket is the author's).
 */
export function mayOpenAbout(
	actor: Actor,
	roles: GuildRoles,
	categoryStaffRoleIds: readonly string[],
	authorId: string
): boolean {
	return actor.userId === authorId || canWork(actor, roles, categoryStaffRoleIds);
}

/** Only the member who opened the ticket rates it. */
export function canRate(actor: Actor, ticket: TicketParties): boolean {
	return actor.userId !== '' && actor.userId === ticket.openerId;
}

/** Staff get the staff copy of a transcript; the opener and owner their own copy; nobody else one. */
export function transcriptCopy(
	actor: Actor,
	roles: GuildRoles,
	teamRoleIds: readonly string[],
	ticket: TicketParties
): 'staff' | 'opener' | null {
	if (canWork(actor, roles, teamRoleIds)) return 'staff';
	return isOpener(actor, ticket) ? 'opener' : null;
}

/** Internal notes are for the ticket's staff only: never the opener, the owner or the participants. */
export function seesNotes(actor: Actor, roles: GuildRoles, teamRoleIds: readonly string[]): boolean {
	return canWork(actor, roles, teamRoleIds);
}

/** Anyone who works tickets in the guild: admins, support roles, and the staff roles of any category or department. */
export function isGuildStaff(actor: Actor, roles: GuildRoles, teams: GuildTeams): boolean {
	return listScope(actor, roles, teams).kind !== 'own';
}

/**
 * Admins and support roles list every ticket; category or department staff the tickets their roles work
 * (and their own); anyone else their own.
 */
export function listScope(actor: Actor, roles: GuildRoles, teams: GuildTeams): ListScope {
	if (isAdmin(actor, roles) || holds(actor, roles.guildId, roles.supportRoleIds)) return { kind: 'all' };
	const categoryIds = teams.categories.filter((team) => holds(actor, roles.guildId, team.roleIds)).map((team) => team.id);
	const departmentIds = teams.departments.filter((team) => holds(actor, roles.guildId, team.roleIds)).map((team) => team.id);
	if (categoryIds.length === 0 && departmentIds.length === 0) return { kind: 'own' };
	return { kind: 'teams', categoryIds, departmentIds };
}
