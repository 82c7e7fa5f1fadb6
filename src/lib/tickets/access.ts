import type { GuildMember } from 'discord.js';
import type { GuildData } from '../database/guildData.js';
import { readList } from '../database/json.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { isGuildAdmin } from '../permissions/roles.js';
import { refuse } from '../errors/Refusal.js';

export type TicketRow = NonNullable<Awaited<ReturnType<GuildData['db']['ticket']['findFirst']>>>;

/**
 * The ticket whose channel this is; a refusal that says where to run the command otherwise. A
 * soft-deleted ticket is found only when asked for (restore, hard delete); otherwise the refusal says
 * it was deleted.
 */
export async function ticketInChannel(
	data: GuildData,
	channelId: string,
	options: { deleted?: boolean } = {}
): Promise<TicketRow> {
	const ticket = await data.db.ticket.findFirst({ where: { channelId, ...(options.deleted ? {} : { softDeletedAt: null }) } });
	if (ticket) return ticket;
	if (!options.deleted && (await data.db.ticket.count({ where: { channelId } })) > 0) refuse(LanguageKeys.Tickets.SoftDeleted);
	refuse(LanguageKeys.Tickets.NotATicket);
}

export interface TicketAccess {
	admin: boolean;
	/** Admins, the ticket's team (department or category staff roles) and the guild's support roles. */
	staff: boolean;
	opener: boolean;
}

/**
 * The roles that work this ticket: its department's once it was routed to one, else its category's,
 * and always the guild's support roles.
 */
export async function ticketStaffRoles(data: GuildData, ticket: TicketRow): Promise<{ team: string[]; support: string[] }> {
	const [settings, team] = await Promise.all([
		data.db.guildSettings.findUnique({ where: { guildId: data.guildId } }),
		ticket.departmentId
			? data.db.department.findUnique({ where: { id: ticket.departmentId } })
			: ticket.categoryId
				? data.db.category.findUnique({ where: { id: ticket.categoryId } })
				: null
	]);
	return { team: readList(team?.staffRoleIds), support: readList(settings?.supportRoleIds) };
}

export async function accessTo(data: GuildData, member: GuildMember, ticket: TicketRow): Promise<TicketAccess> {
	const [admin, roles] = await Promise.all([isGuildAdmin(data, member), ticketStaffRoles(data, ticket)]);
	const staffRoles = new Set([...roles.team, ...roles.support]);
	const staff = admin || member.roles.cache.some((role) => staffRoles.has(role.id));
	return { admin, staff, opener: ticket.ownerId === member.id };
}
