import { EmbedBuilder, type ActionRowBuilder, type ButtonBuilder, type GuildMember } from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import type { GuildData } from '../database/guildData.js';
import { readList } from '../database/json.js';
import { userText } from '../discord/escape.js';
import { pageButtons, pageWindow } from '../chat/paging.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { encodeCustomId } from '../chat/customIds.js';
import { isGuildAdmin } from '../permissions/roles.js';
import { priorityLabel, statusLabel } from '../i18n/labels.js';
import { TicketStatus } from '../model/status.js';
import { refuse } from '../errors/Refusal.js';

/** Status filters, as stored in a page button's custom ID. */
export const LIST_STATUSES = ['all', 'open', 'closed'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

const STATUS_LABELS = {
	all: LanguageKeys.Tickets.ListAll,
	open: LanguageKeys.Tickets.ListOpen,
	closed: LanguageKeys.Tickets.ListClosed
} as const;

/** What a list asks for: filters are 0 (status `all`, any category) or '0' (any member) when not given. */
export interface ListQuery {
	page: number;
	status: number;
	categoryId: number;
	userId: string;
}

export interface ListPage {
	embeds: EmbedBuilder[];
	components: ActionRowBuilder<ButtonBuilder>[];
}

/**
 * The tickets this member may list: admins and support roles see the guild's, category or department
 * staff the tickets their roles work, anyone else their own. Soft-deleted tickets are never listed.
 */
async function visibleTo(data: GuildData, member: GuildMember): Promise<{ staff: boolean; where: Prisma.TicketWhereInput }> {
	const own: Prisma.TicketWhereInput = { OR: [{ openerId: member.id }, { ownerId: member.id }] };
	if (await isGuildAdmin(data, member)) return { staff: true, where: {} };
	const roles = (ids: string) => readList(ids).some((id) => member.roles.cache.has(id));
	const [settings, categories, departments] = await Promise.all([
		data.settings(),
		data.db.category.findMany({ select: { id: true, staffRoleIds: true } }),
		data.db.department.findMany({ select: { id: true, staffRoleIds: true } })
	]);
	if (roles(settings.supportRoleIds)) return { staff: true, where: {} };
	const categoryIds = categories.filter((category) => roles(category.staffRoleIds)).map((category) => category.id);
	const departmentIds = departments.filter((department) => roles(department.staffRoleIds)).map((department) => department.id);
	if (categoryIds.length === 0 && departmentIds.length === 0) return { staff: false, where: own };
	return {
		staff: true,
		where: { OR: [{ departmentId: null, categoryId: { in: categoryIds } }, { departmentId: { in: departmentIds } }, own] }
	};
}

/** One page of the list, with Previous/Next buttons that carry the filters. */
export async function ticketListPage(data: GuildData, member: GuildMember, query: ListQuery, t: Translate): Promise<ListPage> {
	const scope = await visibleTo(data, member);
	if (query.userId !== '0' && query.userId !== member.id && !scope.staff) refuse(LanguageKeys.Tickets.ListOthersStaffOnly);
	const status = LIST_STATUSES[query.status] ?? 'all';
	const where: Prisma.TicketWhereInput = {
		AND: [
			scope.where,
			{ softDeletedAt: null },
			status === 'open'
				? { status: { in: [TicketStatus.Open, TicketStatus.Creating] } }
				: status === 'closed'
					? { status: TicketStatus.Closed }
					: {},
			query.categoryId ? { categoryId: query.categoryId } : {},
			// Staff looking for a member's tickets do not find the ones that member opened anonymously.
			query.userId !== '0'
				? {
						OR: [{ openerId: query.userId }, { ownerId: query.userId }],
						anonymous: query.userId === member.id ? undefined : false
					}
				: {}
		]
	};
	const total = await data.db.ticket.count({ where });
	const { page, pages, skip, take } = pageWindow(total, query.page);
	const tickets = await data.db.ticket.findMany({
		where,
		orderBy: { number: 'desc' },
		skip,
		take,
		include: { category: { select: { displayName: true } } }
	});
	const lines = tickets.map((ticket) =>
		[
			`**#${String(ticket.number).padStart(4, '0')}**`,
			statusLabel(t, ticket.status, ticket.locked),
			priorityLabel(t, ticket.priority),
			ticket.category ? userText(ticket.category.displayName, 40) : '—',
			ticket.anonymous ? t(LanguageKeys.Tickets.InfoAnonymous) : `<@${ticket.ownerId}>`,
			ticket.claimedById ? t(LanguageKeys.Tickets.ListClaimedBy, { user: `<@${ticket.claimedById}>` }) : null,
			ticket.channelId ? `<#${ticket.channelId}>` : null
		]
			.filter(Boolean)
			.join(' · ')
	);
	const embed = new EmbedBuilder()
		.setColor(0x5865f2)
		.setTitle(t(LanguageKeys.Tickets.ListTitle, { count: total, status: t(STATUS_LABELS[status]) }))
		.setDescription(lines.join('\n') || t(LanguageKeys.Tickets.ListEmpty))
		.setFooter({ text: t(LanguageKeys.Tickets.ListPage, { page: page + 1, pages }) });
	const components = pageButtons(page, pages, (target) => encodeCustomId({ kind: 'list', ...query, page: target }), t);
	return { embeds: [embed], components };
}
