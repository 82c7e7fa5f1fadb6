import { container } from '@sapphire/framework';
import type { GuildMember } from 'discord.js';
import type { Actor } from '../access/actor.js';
import { canWork, isAdmin, isGuildStaff } from '../access/policy.js';
import { guildRoles, guildTeams, ticketTeam } from '../access/roles.js';
import { actorOf } from '../discord/actors.js';

/** The member who runs a command or clicks a component, as the access policy sees them. */
export function callerOf(member: GuildMember): Actor {
	return actorOf(member, container.env.OWNER_IDS);
}

const sources = () => ({ check: container.ticketServices.roles, log: container.ticketServices.log });

/** The policy's answer for guild-wide admin commands and controls. */
export async function callerIsAdmin(member: GuildMember): Promise<boolean> {
	return isAdmin(callerOf(member), await guildRoles(container.db.forGuild(member.guild.id), sources()));
}

/** The policy's answer for guild-wide staff commands (analytics). */
export async function callerIsGuildStaff(member: GuildMember): Promise<boolean> {
	const data = container.db.forGuild(member.guild.id);
	const [roles, teams] = await Promise.all([guildRoles(data, sources()), guildTeams(data, sources())]);
	return isGuildStaff(callerOf(member), roles, teams);
}

/**
 * Whether the member works this ticket (its staff), by the one policy. Asked for every message in a
 * ticket, with the row the caller already read: only the guild's roles and the ticket's team are read.
 */
export async function callerWorks(
	member: GuildMember,
	ticket: { categoryId: number | null; departmentId: number | null }
): Promise<boolean> {
	const data = container.db.forGuild(member.guild.id);
	const [roles, team] = await Promise.all([guildRoles(data, sources()), ticketTeam(data, ticket, sources())]);
	return canWork(callerOf(member), roles, team);
}
