import { PermissionFlagsBits, type GuildMember } from 'discord.js';
import type { GuildData } from '../database/guildData.js';
import { readList } from '../database/json.js';

/** The owner, Manage Server, or a role the guild named as admin. */
export async function isGuildAdmin(data: GuildData, member: GuildMember): Promise<boolean> {
	if (member.guild.ownerId === member.id || member.permissions.has(PermissionFlagsBits.ManageGuild)) return true;
	const settings = await data.db.guildSettings.findUnique({ where: { guildId: data.guildId } });
	const adminRoles = readList(settings?.adminRoleIds);
	return adminRoles.some((id) => member.roles.cache.has(id));
}
