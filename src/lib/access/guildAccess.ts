import type { DataStore } from '../database/guildData.js';
import type { Actor } from './actor.js';
import { isAdmin, isGuildStaff } from './policy.js';
import { guildRoles, guildTeams, type RoleCheck, type RoleLog } from './roles.js';

/** What the guild-wide questions read: the guild's roles and teams from the database, checked against Discord's. */
export interface AccessSources {
	readonly db: DataStore;
	readonly roles: RoleCheck;
	readonly log: RoleLog;
}

/** The policy's answer for guild-wide admin commands, pages and API routes (configuration). */
export async function actorIsAdmin(services: AccessSources, guildId: string, actor: Actor): Promise<boolean> {
	const roles = await guildRoles(services.db.forGuild(guildId), { check: services.roles, log: services.log });
	return isAdmin(actor, roles);
}

/** The policy's answer for guild-wide staff commands, pages and API routes (analytics, the audit log). */
export async function actorIsGuildStaff(services: AccessSources, guildId: string, actor: Actor): Promise<boolean> {
	const data = services.db.forGuild(guildId);
	const sources = { check: services.roles, log: services.log };
	const [roles, teams] = await Promise.all([guildRoles(data, sources), guildTeams(data, sources)]);
	return isGuildStaff(actor, roles, teams);
}

/** Both answers at once, from one read of the roles and teams (a page's navigation asks for both). */
export async function actorGuildAccess(
	services: AccessSources,
	guildId: string,
	actor: Actor
): Promise<{ staff: boolean; admin: boolean }> {
	const data = services.db.forGuild(guildId);
	const sources = { check: services.roles, log: services.log };
	const [roles, teams] = await Promise.all([guildRoles(data, sources), guildTeams(data, sources)]);
	const admin = isAdmin(actor, roles);
	return { admin, staff: admin || isGuildStaff(actor, roles, teams) };
}
