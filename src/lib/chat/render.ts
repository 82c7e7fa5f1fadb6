import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, time, TimestampStyles } from 'discord.js';
import type { RoleCheck } from '../access/roles.js';
import { readList } from '../database/json.js';
import { userText } from '../discord/escape.js';
import { discordText } from '../discord/render.js';
import { priorityLabel, statusLabel } from '../i18n/labels.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { Translate } from '../i18n/notice.js';
import { cut } from '../text/cut.js';
import type { TicketInfo } from '../tickets/info.js';
import type { TicketList } from '../tickets/list.js';
import type { Controls, TicketOutcome } from '../tickets/outcome.js';
import { mention, ticketNumber } from '../tickets/ticket.js';
import type { ReplyPayload } from './context.js';
import { encodeCustomId } from './customIds.js';
import { pageButtons } from './paging.js';

const BLURPLE = 0x5865f2;
/** Discord's limit for an embed field's value. */
const FIELD_MAX = 1024;

/**
 * Stored roles as an admin reads them: each a mention, and one the bot refuses as staff (see
 * access/roles.ts) marked as ignored, with the reason, so the admin knows to replace it.
 */
export function shownRoles(t: Translate, guildId: string, roleIds: readonly string[], check: RoleCheck): string {
	return roleIds
		.map((id) => {
			const problem = check.problem(guildId, id);
			const role = id === guildId ? '@everyone' : `<@&${id}>`;
			return problem ? t(LanguageKeys.Roles.Ignored, { role, reason: t(LanguageKeys.Roles.Problems[problem]) }) : role;
		})
		.join(' ');
}

/** The star buttons under a closed ticket. */
export function ratingButtons(ticketId: number): ActionRowBuilder<ButtonBuilder> {
	return new ActionRowBuilder<ButtonBuilder>().addComponents(
		[1, 2, 3, 4, 5].map((stars) =>
			new ButtonBuilder()
				.setCustomId(encodeCustomId({ kind: 'rateButton', ticketId, stars }))
				.setStyle(ButtonStyle.Secondary)
				.setLabel(`${stars}★`)
		)
	);
}

function controlRow(t: Translate, controls: Controls): ActionRowBuilder<ButtonBuilder> {
	if (controls.kind === 'rating') return ratingButtons(controls.ticketId);
	if (controls.kind === 'closeRequest') {
		const button = (accept: boolean) =>
			new ButtonBuilder()
				.setCustomId(encodeCustomId({ kind: 'closeRequestButton', ticketId: controls.ticketId, accept: accept ? 1 : 0 }))
				.setLabel(t(accept ? LanguageKeys.Tickets.CloseRequestAccept : LanguageKeys.Tickets.CloseRequestKeep))
				.setStyle(accept ? ButtonStyle.Danger : ButtonStyle.Secondary);
		return new ActionRowBuilder<ButtonBuilder>().addComponents(button(true), button(false));
	}
	return new ActionRowBuilder<ButtonBuilder>().addComponents(
		new ButtonBuilder()
			.setCustomId(encodeCustomId({ kind: 'purgeButton', ticketId: controls.ticketId }))
			.setLabel(t(LanguageKeys.Tickets.PurgeButton))
			.setStyle(ButtonStyle.Danger)
	);
}

/** A use case's answer as a Discord message: its text, its controls, and the roles it may ping. */
export function outcomeMessage(t: Translate, outcome: TicketOutcome): ReplyPayload {
	return {
		content: discordText(t, outcome.notice),
		components: outcome.controls ? [controlRow(t, outcome.controls)] : [],
		...(outcome.pingRoles?.length ? { pingRoles: outcome.pingRoles } : {}),
		...(outcome.pingUsers?.length ? { pingUsers: outcome.pingUsers } : {})
	};
}

/** What waits on the ticket: a close request to its opener, a rename Discord held back. */
function pendingWork(t: Translate, ticket: TicketInfo['ticket']): { name: string; value: string; inline: boolean }[] {
	const fields = [];
	if (ticket.closeRequestedAt)
		fields.push({
			name: t(LanguageKeys.Tickets.InfoCloseRequest),
			value: t(ticket.closeRequestDueAt ? LanguageKeys.Tickets.InfoCloseRequestDue : LanguageKeys.Tickets.InfoCloseRequestOpen, {
				by: mention(ticket.closeRequestedById ?? ''),
				when: ticket.closeRequestDueAt ? time(ticket.closeRequestDueAt, TimestampStyles.RelativeTime) : ''
			}),
			inline: true
		});
	if (ticket.pendingName && ticket.pendingNameAt)
		fields.push({
			name: t(LanguageKeys.Tickets.InfoRenameQueued),
			value: `${userText(ticket.pendingName, 100)} · ${time(ticket.pendingNameAt, TimestampStyles.RelativeTime)}`,
			inline: true
		});
	return fields;
}

/** An SLA as /ticket info shows it: when it is due, then met or missed once done, missed once past, or when staff were warned. */
function slaState(t: Translate, dueAt: Date | null, doneAt: Date | null, warnedAt: Date | null): string {
	if (!dueAt) return t(LanguageKeys.Tickets.InfoNone);
	const due = time(dueAt, TimestampStyles.ShortDateTime);
	const state =
		(doneAt ?? new Date()) > dueAt
			? t(LanguageKeys.Tickets.InfoSlaMissed)
			: doneAt
				? t(LanguageKeys.Tickets.InfoSlaMet)
				: warnedAt
					? t(LanguageKeys.Tickets.InfoSlaWarned, { when: time(warnedAt, TimestampStyles.RelativeTime) })
					: null;
	return state ? `${due} · ${state}` : due;
}

/** /ticket info: the ticket's fields, its last timeline entries, and the notes when the reader may see them. */
export function infoEmbed(t: Translate, info: TicketInfo): EmbedBuilder {
	const { ticket } = info;
	const none = t(LanguageKeys.Tickets.InfoNone);
	const when = (date: Date | null) => (date ? time(date, TimestampStyles.RelativeTime) : t(LanguageKeys.Tickets.InfoNotYet));
	const tags = readList(ticket.tags);
	const timeline = info.timeline
		.map(
			(event) =>
				`${time(event.createdAt, TimestampStyles.ShortDateTime)} \`${event.action}\`${event.actorId ? ` ${mention(event.actorId)}` : ''}`
		)
		.join('\n');
	const embed = new EmbedBuilder()
		.setColor(BLURPLE)
		.setTitle(
			t(LanguageKeys.Tickets.InfoTitle, {
				number: ticketNumber(ticket.number),
				category: info.categoryName ? userText(info.categoryName, 100) : '—'
			})
		)
		.addFields(
			{ name: t(LanguageKeys.Tickets.InfoStatus), value: statusLabel(t, ticket.status, ticket.locked), inline: true },
			{
				name: t(LanguageKeys.Tickets.InfoOwner),
				value: ticket.anonymous ? t(LanguageKeys.Tickets.InfoAnonymous) : mention(ticket.ownerId),
				inline: true
			},
			{
				name: t(LanguageKeys.Tickets.InfoClaimer),
				value: ticket.claimedById ? mention(ticket.claimedById) : t(LanguageKeys.Tickets.InfoNobody),
				inline: true
			},
			{ name: t(LanguageKeys.Tickets.InfoPriority), value: priorityLabel(t, ticket.priority), inline: true },
			{
				name: t(LanguageKeys.Tickets.InfoTags),
				value: tags.length ? cut(tags.map((tag) => userText(tag, 32)).join(', '), FIELD_MAX) : none,
				inline: true
			},
			{
				name: t(LanguageKeys.Tickets.InfoSla),
				value: slaState(t, ticket.slaDueAt, ticket.firstResponseAt, ticket.slaWarnedAt),
				inline: true
			},
			...(ticket.resolutionDueAt
				? [
						{
							name: t(LanguageKeys.Tickets.InfoResolutionSla),
							value: slaState(t, ticket.resolutionDueAt, ticket.closedAt, ticket.resolutionWarnedAt),
							inline: true
						}
					]
				: []),
			{ name: t(LanguageKeys.Tickets.InfoFirstResponse), value: when(ticket.firstResponseAt), inline: true },
			{
				name: t(LanguageKeys.Tickets.InfoDepartment),
				value: info.departmentName ? userText(info.departmentName, 32) : none,
				inline: true
			},
			{ name: t(LanguageKeys.Tickets.InfoEscalation), value: String(ticket.escalationLevel), inline: true },
			...pendingWork(t, ticket),
			{ name: t(LanguageKeys.Tickets.InfoTimeline), value: cut(timeline, FIELD_MAX) || '—' }
		);
	if (info.notes?.length) {
		embed.addFields({
			name: t(LanguageKeys.Tickets.InfoNotes),
			value: cut(info.notes.map((note) => `${mention(note.authorId)}: ${userText(note.content, 180)}`).join('\n'), FIELD_MAX)
		});
	}
	return embed;
}

const STATUS_LABELS = {
	all: LanguageKeys.Tickets.ListAll,
	open: LanguageKeys.Tickets.ListOpen,
	closed: LanguageKeys.Tickets.ListClosed
} as const;

/**
 * One page of /ticket list, with Previous/Next buttons that carry the filters and who asked: a click by
 * anyone else gets their own page, never a change to this one.
 */
export function listMessage(t: Translate, list: TicketList, ownerId: string): ReplyPayload {
	const lines = list.tickets.map((ticket) =>
		[
			`**#${ticketNumber(ticket.number)}**`,
			statusLabel(t, ticket.status, ticket.locked),
			priorityLabel(t, ticket.priority),
			ticket.categoryName ? userText(ticket.categoryName, 40) : '—',
			ticket.ownerId ? mention(ticket.ownerId) : t(LanguageKeys.Tickets.InfoAnonymous),
			ticket.claimedById ? t(LanguageKeys.Tickets.ListClaimedBy, { user: mention(ticket.claimedById) }) : null,
			ticket.channelId ? `<#${ticket.channelId}>` : null
		]
			.filter(Boolean)
			.join(' · ')
	);
	const embed = new EmbedBuilder()
		.setColor(BLURPLE)
		.setTitle(
			t(list.totalCapped ? LanguageKeys.Tickets.ListTitleCapped : LanguageKeys.Tickets.ListTitle, {
				count: list.total,
				status: t(STATUS_LABELS[list.status])
			})
		)
		.setDescription(cut(lines.join('\n'), 4096) || t(LanguageKeys.Tickets.ListEmpty))
		.setFooter({ text: t(LanguageKeys.Tickets.ListPage, { page: list.page + 1, pages: list.pages }) });
	const components = pageButtons(
		list.page,
		list.pages,
		(page) => encodeCustomId({ kind: 'listPage', ...list.query, page, ownerId }),
		t
	);
	return { embeds: [embed], components };
}
