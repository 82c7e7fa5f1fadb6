import { PermissionFlagsBits, type Client, type GuildMember } from 'discord.js';
import type { Actor } from '../access/actor.js';
import type { RoleCheck, RoleProblem } from '../access/roles.js';

/** A guild member as the access policy sees them. */
export function actorOf(member: GuildMember, ownerIds: readonly string[]): Actor {
	return {
		userId: member.id,
		roleIds: [...member.roles.cache.keys()],
		isAdmin: member.guild.ownerId === member.id || member.permissions.has(PermissionFlagsBits.ManageGuild),
		isOwner: ownerIds.includes(member.id)
	};
}

/**
 * The roles the bot refuses to treat as staff, from what Discord's cache says of the guild: @everyone,
 * roles an integration manages, roles at or above the bot's highest role (it could not give them a
 * ticket channel), and roles that no longer exist.
 */
export function discordRoleCheck(client: () => Client): RoleCheck {
	return {
		problem(guildId: string, roleId: string): RoleProblem | null {
			if (roleId === guildId) return 'everyone';
			const guild = client().guilds.cache.get(guildId);
			if (!guild) return null;
			const role = guild.roles.cache.get(roleId);
			if (!role) return 'unknown';
			if (role.managed) return 'managed';
			const highest = guild.members.me?.roles.highest;
			if (highest && role.comparePositionTo(highest) >= 0) return 'above-bot';
			return null;
		}
	};
}
