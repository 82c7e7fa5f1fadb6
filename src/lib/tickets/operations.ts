import type { GuildMember, GuildTextBasedChannel } from 'discord.js';
import type { TFunction } from 'i18next';
import type { AuditLog } from '../audit/AuditLog.js';
import type { BotConfig } from '../config/schema.js';
import type { GuildData } from '../database/guildData.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { accessTo, ticketInChannel } from './access.js';
import { assertCanApply } from './stateMachine.js';
import { TicketStatus } from './status.js';
import { refuse } from './TicketCreator.js';

export interface OperationContext {
	data: GuildData;
	member: GuildMember;
	channel: GuildTextBasedChannel;
	/** The guild's language: these answers are posted in the ticket for everyone in it. */
	t: TFunction;
	audit: AuditLog;
	config: BotConfig;
}

/** What the ticket shows after the operation: one public message. */
export interface OperationResult {
	ticketId: number;
	content: string;
}

export async function claimTicket({ data, member, channel, t, audit }: OperationContext): Promise<OperationResult> {
	const ticket = await ticketInChannel(data, channel.id);
	if (!(await accessTo(data, member, ticket)).staff) refuse({ key: LanguageKeys.Tickets.StaffOnly, args: {} });
	assertCanApply(ticket.status, 'claim');
	if (ticket.claimedById) refuse({ key: LanguageKeys.Tickets.AlreadyClaimed, args: { user: `<@${ticket.claimedById}>` } });
	// Only one of two staff members clicking at once gets it.
	const { count } = await data.db.ticket.updateMany({
		where: { id: ticket.id, claimedById: null, status: TicketStatus.Open },
		data: { claimedById: member.id, claimedAt: new Date() }
	});
	if (count === 0) {
		const now = await data.db.ticket.findUnique({ where: { id: ticket.id } });
		refuse({ key: LanguageKeys.Tickets.AlreadyClaimed, args: { user: `<@${now?.claimedById ?? '0'}>` } });
	}
	await audit.record(data, { ticketId: ticket.id, actorId: member.id, action: 'ticket.claimed' });
	return { ticketId: ticket.id, content: t(LanguageKeys.Tickets.Claimed, { user: `<@${member.id}>` }) };
}

export async function unclaimTicket({ data, member, channel, t, audit }: OperationContext): Promise<OperationResult> {
	const ticket = await ticketInChannel(data, channel.id);
	const access = await accessTo(data, member, ticket);
	if (!access.staff) refuse({ key: LanguageKeys.Tickets.StaffOnly, args: {} });
	assertCanApply(ticket.status, 'unclaim');
	if (!ticket.claimedById) refuse({ key: LanguageKeys.Tickets.NotClaimed, args: {} });
	if (ticket.claimedById !== member.id && !access.admin)
		refuse({ key: LanguageKeys.Tickets.NotClaimer, args: { user: `<@${ticket.claimedById}>` } });
	await data.db.ticket.updateMany({
		where: { id: ticket.id, claimedById: ticket.claimedById },
		data: { claimedById: null, claimedAt: null }
	});
	await audit.record(data, { ticketId: ticket.id, actorId: member.id, action: 'ticket.unclaimed', targetId: ticket.claimedById });
	return { ticketId: ticket.id, content: t(LanguageKeys.Tickets.Unclaimed, { user: `<@${member.id}>` }) };
}

/**
 * Closes the ticket: the opener keeps reading but can no longer write, and the reason is posted. Staff
 * may close; the opener too where the guild allows it. A close races safely with another close.
 */
export async function closeTicket(
	{ data, member, channel, t, audit, config }: OperationContext,
	reason: string | null
): Promise<OperationResult> {
	const ticket = await ticketInChannel(data, channel.id);
	const access = await accessTo(data, member, ticket);
	if (!access.staff) {
		const settings = await data.settings();
		const openerMayClose = settings.allowOpenerClose || config.tickets.allowOpenerClose;
		if (!access.opener) refuse({ key: LanguageKeys.Tickets.StaffOnly, args: {} });
		if (!openerMayClose) refuse({ key: LanguageKeys.Tickets.OpenerCannotClose, args: {} });
	}
	assertCanApply(ticket.status, 'close');
	const { count } = await data.db.ticket.updateMany({
		where: { id: ticket.id, status: TicketStatus.Open },
		data: {
			status: TicketStatus.Closed,
			closedAt: new Date(),
			closedById: member.id,
			closeReason: reason,
			scheduledCloseAt: null
		}
	});
	if (count === 0) refuse({ key: LanguageKeys.Tickets.WrongState, args: { status: TicketStatus.Closed } });
	if ('permissionOverwrites' in channel) {
		await channel.permissionOverwrites.edit(ticket.ownerId, { SendMessages: false }, { reason: 'ticket closed' });
	}
	await audit.record(data, { ticketId: ticket.id, actorId: member.id, action: 'ticket.closed', details: { reason } });
	const shownReason = reason ? userText(reason, 500) : t(LanguageKeys.Tickets.NoReason);
	return { ticketId: ticket.id, content: t(LanguageKeys.Tickets.ClosedBy, { user: `<@${member.id}>`, reason: shownReason }) };
}
