import type { GuildMember } from 'discord.js';
import type { GuildData } from '../database/guildData.js';
import { readList } from '../database/json.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { isGuildAdmin } from '../permissions/roles.js';
import { refuse } from './TicketCreator.js';

export type TicketRow = NonNullable<Awaited<ReturnType<GuildData['db']['ticket']['findFirst']>>>;

/** The ticket whose channel this is; a refusal that says where to run the command otherwise. */
export async function ticketInChannel(data: GuildData, channelId: string): Promise<TicketRow> {
	const ticket = await data.db.ticket.findFirst({ where: { channelId, softDeletedAt: null } });
	if (!ticket) refuse({ key: LanguageKeys.Tickets.NotATicket, args: {} });
	return ticket;
}

export interface TicketAccess {
	admin: boolean;
	/** Admins, the category's staff roles and the guild's support roles. */
	staff: boolean;
	opener: boolean;
}

export async function accessTo(data: GuildData, member: GuildMember, ticket: TicketRow): Promise<TicketAccess> {
	const admin = await isGuildAdmin(data, member);
	const [settings, category] = await Promise.all([
		data.db.guildSettings.findUnique({ where: { guildId: data.guildId } }),
		ticket.categoryId ? data.db.category.findUnique({ where: { id: ticket.categoryId } }) : null
	]);
	const staffRoles = new Set([...readList(category?.staffRoleIds), ...readList(settings?.supportRoleIds)]);
	const staff = admin || member.roles.cache.some((role) => staffRoles.has(role.id));
	return { admin, staff, opener: ticket.ownerId === member.id };
}
