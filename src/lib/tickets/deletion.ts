import { rm } from 'node:fs/promises';
import {
	ActionRowBuilder,
	ButtonBuilder,
	ButtonStyle,
	OverwriteType,
	PermissionFlagsBits,
	type GuildTextBasedChannel
} from 'discord.js';
import { auditRow, type AuditEntry, type AuditLog } from '../audit/AuditLog.js';
import type { GuildData } from '../database/guildData.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { encodeCustomId } from '../chat/customIds.js';
import { accessTo, ticketInChannel, type TicketRow } from './access.js';
import { participantIds, type OperationContext, type OperationResult } from './operations.js';
import { TicketStatus } from '../model/status.js';
import { MEMBER_BITS } from '../discord/ticketChannels.js';
import { refuse } from '../errors/Refusal.js';

const SEND = PermissionFlagsBits.SendMessages;

async function adminTicket({ data, member, channel }: OperationContext): Promise<TicketRow> {
	const ticket = await ticketInChannel(data, channel.id, { deleted: true });
	if (!(await accessTo(data, member, ticket)).admin) refuse(LanguageKeys.Errors.AdminOnly);
	if (ticket.purgedAt) refuse(LanguageKeys.Tickets.AlreadyPurged);
	return ticket;
}

/**
 * Soft delete: the ticket leaves lists and analytics, and its channel becomes an archive (the opener and
 * participants lose access, the staff roles keep reading but no longer write), in one overwrite call.
 * `restore` undoes both.
 */
export async function softDeleteTicket(context: OperationContext, restore: boolean): Promise<OperationResult> {
	const ticket = await adminTicket(context);
	if (restore !== Boolean(ticket.softDeletedAt))
		refuse(restore ? LanguageKeys.Tickets.NotSoftDeleted : LanguageKeys.Tickets.AlreadySoftDeleted);
	const { count } = await context.data.db.ticket.updateMany({
		where: { id: ticket.id, softDeletedAt: restore ? { not: null } : null },
		data: { softDeletedAt: restore ? null : new Date() }
	});
	if (count === 0) refuse(restore ? LanguageKeys.Tickets.NotSoftDeleted : LanguageKeys.Tickets.AlreadySoftDeleted);
	const members = [ticket.ownerId, ...(await participantIds(context.data, ticket.id))];
	const membersWrite = ticket.status === TicketStatus.Open && !ticket.locked;
	await setArchived(context.channel, members, !restore, membersWrite);
	await context.audit.record(context.data, {
		ticketId: ticket.id,
		actorId: context.member.id,
		action: restore ? 'ticket.restored' : 'ticket.soft_deleted'
	});
	const key = restore ? LanguageKeys.Tickets.Restored : LanguageKeys.Tickets.SoftDeletedDone;
	return { ticketId: ticket.id, content: context.t(key, { user: `<@${context.member.id}>` }) };
}

/** Archives the channel (members out, roles read-only) or brings it back, rewriting the overwrites in one call. */
async function setArchived(
	channel: GuildTextBasedChannel,
	memberIds: readonly string[],
	archived: boolean,
	membersWrite: boolean
): Promise<void> {
	if (!('permissionOverwrites' in channel)) return;
	const members = new Set(memberIds);
	const everyone = channel.guild.roles.everyone.id;
	const overwrites = channel.permissionOverwrites.cache
		.filter((overwrite) => !members.has(overwrite.id))
		.map((overwrite) => {
			let { bitfield: allow } = overwrite.allow;
			let { bitfield: deny } = overwrite.deny;
			if (overwrite.type === OverwriteType.Role && overwrite.id !== everyone) {
				allow = archived ? allow & ~SEND : allow | SEND;
				deny = archived ? deny | SEND : deny & ~SEND;
			}
			return { id: overwrite.id, type: overwrite.type, allow, deny };
		});
	if (!archived) {
		for (const id of members) {
			overwrites.push({
				id,
				type: OverwriteType.Member,
				allow: membersWrite ? MEMBER_BITS : MEMBER_BITS & ~SEND,
				deny: membersWrite ? 0n : SEND
			});
		}
	}
	await channel.permissionOverwrites.set(overwrites, archived ? 'ticket soft-deleted' : 'ticket restored');
}

/** The hard delete's first step: a warning and a confirmation button that only admins can use. */
export async function confirmHardDelete(context: OperationContext): Promise<OperationResult> {
	const ticket = await adminTicket(context);
	const button = new ButtonBuilder()
		.setCustomId(encodeCustomId({ kind: 'purge', ticketId: ticket.id }))
		.setLabel(context.t(LanguageKeys.Tickets.PurgeButton))
		.setStyle(ButtonStyle.Danger);
	return {
		ticketId: ticket.id,
		content: context.t(LanguageKeys.Tickets.PurgeConfirm, { number: String(ticket.number).padStart(4, '0') }),
		components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)]
	};
}

/**
 * The hard delete itself, after the confirmation: what people wrote and who they were is purged; the
 * row stays as an anonymous metrics record (number, category, priority, times, first response,
 * rating's stars). Staff actions stay in the audit log without their details.
 */
export async function purgeTicket(audit: AuditLog, data: GuildData, ticket: TicketRow, actorId: string): Promise<void> {
	const now = new Date();
	const purged: AuditEntry = { ticketId: ticket.id, actorId, action: 'ticket.purged' };
	// The people the ticket was about: their names leave the timeline too (staff stay, as actors).
	const people = [...new Set([ticket.openerId, ticket.ownerId, ...(await participantIds(data, ticket.id))])].filter(Boolean);
	await data.db.$transaction([
		data.db.auditEvent.updateMany({ where: { ticketId: ticket.id, actorId: { in: people } }, data: { actorId: null } }),
		data.db.ticketNote.deleteMany({ where: { ticketId: ticket.id } }),
		data.db.ticketParticipant.deleteMany({ where: { ticketId: ticket.id } }),
		data.db.feedback.updateMany({ where: { ticketId: ticket.id }, data: { userId: '', message: null } }),
		data.db.auditEvent.updateMany({ where: { ticketId: ticket.id }, data: { targetId: null, details: '{}' } }),
		data.db.ticket.update({
			where: { id: ticket.id },
			data: {
				openerId: '',
				ownerId: '',
				answers: '[]',
				tags: '[]',
				closeReason: null,
				scheduledCloseAt: null,
				scheduledCloseById: null,
				scheduledCloseReason: null,
				status: TicketStatus.Closed,
				closedAt: ticket.closedAt ?? now,
				closedById: ticket.closedById ?? actorId,
				softDeletedAt: ticket.softDeletedAt ?? now,
				purgedAt: now,
				transcriptHtmlPath: null,
				transcriptTxtPath: null
			}
		}),
		data.db.auditEvent.create({ data: auditRow(data.guildId, purged) })
	]);
	audit.published(data, purged);
	for (const path of [ticket.transcriptHtmlPath, ticket.transcriptTxtPath]) if (path) await rm(path, { force: true });
}

/** Checks the confirmation click: an admin, on this ticket, in its own channel, not yet purged. */
export async function purgeTarget(context: OperationContext, ticketId: number): Promise<TicketRow> {
	const ticket = await adminTicket(context);
	if (ticket.id !== ticketId) refuse(LanguageKeys.Errors.InvalidButton);
	return ticket;
}
