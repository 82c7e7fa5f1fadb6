import { container } from '@sapphire/framework';
import type { GuildMember } from 'discord.js';
import type { Actor } from '../access/actor.js';
import { canWork, isAdmin, isGuildStaff } from '../access/policy.js';
import { guildRoles, guildTeams } from '../access/roles.js';
import { actorOf } from '../discord/actors.js';
import { loadTicket } from '../tickets/ticket.js';

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

/** Whether the member works this ticket (its staff), by the one policy. */
export async function callerWorks(member: GuildMember, ticketId: number): Promise<boolean> {
	const scene = await loadTicket(container.ticketServices, member.guild.id, ticketId, { deleted: true });
	return canWork(callerOf(member), scene.roles, scene.team);
}
