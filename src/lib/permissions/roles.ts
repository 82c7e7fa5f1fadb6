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

/** Anyone who works tickets here: admins, the support roles, and the staff roles of any category or department. */
export async function isGuildStaff(data: GuildData, member: GuildMember): Promise<boolean> {
	if (await isGuildAdmin(data, member)) return true;
	const [settings, categories, departments] = await Promise.all([
		data.db.guildSettings.findUnique({ where: { guildId: data.guildId } }),
		data.db.category.findMany({ select: { staffRoleIds: true } }),
		data.db.department.findMany({ select: { staffRoleIds: true } })
	]);
	const roles = [
		settings?.supportRoleIds,
		...categories.map((row) => row.staffRoleIds),
		...departments.map((row) => row.staffRoleIds)
	];
	return roles.some((ids) => readList(ids).some((id) => member.roles.cache.has(id)));
}
