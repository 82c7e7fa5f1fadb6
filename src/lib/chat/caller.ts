import type { GuildMember } from 'discord.js';
import type { Actor } from '../access/actor.js';
import { actorIsAdmin, actorIsGuildStaff } from '../access/guildAccess.js';
import { canWork } from '../access/policy.js';
import { guildRoles, ticketTeam } from '../access/roles.js';
import { actorOf } from '../discord/actors.js';
import type { ChatServices } from './services.js';

/** The member who runs a command or clicks a component, as the access policy sees them. */
export function callerOf(services: ChatServices, member: GuildMember): Actor {
	return actorOf(member, services.env.OWNER_IDS);
}

const sources = ({ ticketServices }: ChatServices) => ({ check: ticketServices.roles, log: ticketServices.log });

/** The policy's answer for guild-wide admin commands and controls. */
export function callerIsAdmin(services: ChatServices, member: GuildMember): Promise<boolean> {
	return actorIsAdmin(services.ticketServices, member.guild.id, callerOf(services, member));
}

/** The policy's answer for guild-wide staff commands (analytics). */
export function callerIsGuildStaff(services: ChatServices, member: GuildMember): Promise<boolean> {
	return actorIsGuildStaff(services.ticketServices, member.guild.id, callerOf(services, member));
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
