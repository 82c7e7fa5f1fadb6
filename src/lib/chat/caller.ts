import type { GuildMember } from 'discord.js';
import type { Actor } from '../access/actor.js';
import { canWork, isAdmin, isGuildStaff } from '../access/policy.js';
import { guildRoles, guildTeams, ticketTeam } from '../access/roles.js';
import { actorOf } from '../discord/actors.js';
import type { ChatServices } from './services.js';

/** The member who runs a command or clicks a component, as the access policy sees them. */
export function callerOf(services: ChatServices, member: GuildMember): Actor {
	return actorOf(member, services.env.OWNER_IDS);
}

const sources = ({ ticketServices }: ChatServices) => ({ check: ticketServices.roles, log: ticketServices.log });

/** The policy's answer for guild-wide admin commands and controls. */
export async function callerIsAdmin(services: ChatServices, member: GuildMember): Promise<boolean> {
	const data = services.ticketServices.db.forGuild(member.guild.id);
	return isAdmin(callerOf(services, member), await guildRoles(data, sources(services)));
}

/** The policy's answer for guild-wide staff commands (analytics). */
export async function callerIsGuildStaff(services: ChatServices, member: GuildMember): Promise<boolean> {
	const data = services.ticketServices.db.forGuild(member.guild.id);
	const [roles, teams] = await Promise.all([guildRoles(data, sources(services)), guildTeams(data, sources(services))]);
	return isGuildStaff(callerOf(services, member), roles, teams);
}

/**
 * Whether the member works this ticket (its staff), by the one policy. Asked for every message in a
 * ticket, with the row the caller already read: only the guild's roles and the ticket's team are read.
 */
export async function callerWorks(
	services: ChatServices,
	member: GuildMember,
	ticket: { categoryId: number | null; departmentId: number | null }
): Promise<boolean> {
	const data = services.ticketServices.db.forGuild(member.guild.id);
	const [roles, team] = await Promise.all([guildRoles(data, sources(services)), ticketTeam(data, ticket, sources(services))]);
	return canWork(callerOf(services, member), roles, team);
}
