import {
	PermissionFlagsBits,
	RateLimitError,
	type ActionRowBuilder,
	type ButtonBuilder,
	type GuildMember,
	type GuildTextBasedChannel,
	type User
} from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import type { AuditAction } from '../model/auditActions.js';
import { auditRow, type AuditEntry, type AuditLog } from '../audit/AuditLog.js';
import type { Cache } from '../cache/Cache.js';
import type { BotConfig, Priority } from '../config/schema.js';
import type { GuildData } from '../database/guildData.js';
import { writeList } from '../database/json.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { CloseScheduler } from '../scheduling/CloseScheduler.js';
import { guildRules } from '../settings/guildRules.js';
import type { TranscriptService } from '../transcripts/TranscriptService.js';
import { accessTo, ticketInChannel } from './access.js';
import { sanitizeChannelName } from '../text/channelName.js';
import { ratingButtons } from './feedback.js';
import { priorityLabel } from '../i18n/labels.js';
import { assertCanApply, type TicketAction } from './stateMachine.js';
import { TicketStatus } from '../model/status.js';
import { MEMBER_ACCESS } from '../discord/ticketChannels.js';
import { refuse } from '../errors/Refusal.js';

export interface OperationContext {
	data: GuildData;
	member: GuildMember;
	channel: GuildTextBasedChannel;
	/** The guild's language: these answers are posted in the ticket for everyone in it. */
	t: Translate;
	audit: AuditLog;
	config: BotConfig;
	transcripts: TranscriptService;
}

/** What the ticket shows after the operation: one public message. */
export interface OperationResult {
	ticketId: number;
	content: string;
	components?: ActionRowBuilder<ButtonBuilder>[];
	/** Roles this answer notifies (escalation); every other mention stays silent. */
	pingRoles?: string[];
}

export async function claimTicket({ data, member, channel, t, audit }: OperationContext): Promise<OperationResult> {
	const ticket = await ticketInChannel(data, channel.id);
	if (!(await accessTo(data, member, ticket)).staff) refuse(LanguageKeys.Tickets.StaffOnly);
	assertCanApply(ticket.status, 'claim');
	if (ticket.claimedById) refuse(LanguageKeys.Tickets.AlreadyClaimed, { user: `<@${ticket.claimedById}>` });
	// Only one of two staff members clicking at once gets it.
	const { count } = await data.db.ticket.updateMany({
		where: { id: ticket.id, claimedById: null, status: TicketStatus.Open },
		data: { claimedById: member.id, claimedAt: new Date() }
	});
	if (count === 0) {
		const now = await data.db.ticket.findUnique({ where: { id: ticket.id } });
		refuse(LanguageKeys.Tickets.AlreadyClaimed, { user: `<@${now?.claimedById ?? '0'}>` });
	}
	await audit.record(data, { ticketId: ticket.id, actorId: member.id, action: 'ticket.claimed' });
	return { ticketId: ticket.id, content: t(LanguageKeys.Tickets.Claimed, { user: `<@${member.id}>` }) };
}

export async function unclaimTicket({ data, member, channel, t, audit }: OperationContext): Promise<OperationResult> {
	const ticket = await ticketInChannel(data, channel.id);
	const access = await accessTo(data, member, ticket);
	if (!access.staff) refuse(LanguageKeys.Tickets.StaffOnly);
	assertCanApply(ticket.status, 'unclaim');
	if (!ticket.claimedById) refuse(LanguageKeys.Tickets.NotClaimed);
	if (ticket.claimedById !== member.id && !access.admin)
		refuse(LanguageKeys.Tickets.NotClaimer, { user: `<@${ticket.claimedById}>` });
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
	{ data, member, channel, t, audit, config, transcripts }: OperationContext,
	reason: string | null
): Promise<OperationResult> {
	const ticket = await ticketInChannel(data, channel.id);
	const access = await accessTo(data, member, ticket);
	if (!access.staff) {
		if (!access.opener) refuse(LanguageKeys.Tickets.StaffOnly);
		if (!guildRules(await data.settings(), config).allowOpenerClose) refuse(LanguageKeys.Tickets.OpenerCannotClose);
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
	if (count === 0) refuse(LanguageKeys.Tickets.WrongState, { status: TicketStatus.Closed });
	await setWriting(channel, [ticket.ownerId, ...(await participantIds(data, ticket.id))], false, 'ticket closed');
	await audit.record(data, { ticketId: ticket.id, actorId: member.id, action: 'ticket.closed', details: { reason } });
	transcripts.queueArchive(data.guildId, ticket.id);
	const shownReason = reason ? userText(reason, 500) : t(LanguageKeys.Tickets.NoReason);
	return {
		ticketId: ticket.id,
		content: `${t(LanguageKeys.Tickets.ClosedBy, { user: `<@${member.id}>`, reason: shownReason })}\n${t(LanguageKeys.Tickets.RatePrompt)}`,
		components: [ratingButtons(ticket.id)]
	};
}

/** Writes the operation to the ticket's timeline and renders its public answer. */
export async function recorded(
	context: OperationContext,
	ticketId: number,
	action: AuditAction,
	key: string,
	args: Record<string, unknown>,
	audit: { targetId?: string | null; details?: Record<string, unknown> } = {}
): Promise<OperationResult> {
	await context.audit.record(context.data, { ticketId, actorId: context.member.id, action, ...audit });
	return { ticketId, content: context.t(key, args) };
}

/** Checks that the caller is staff of the ticket in this channel and that the action applies now. */
export async function staffOperation({ data, member, channel }: OperationContext, action: TicketAction) {
	const ticket = await ticketInChannel(data, channel.id);
	const access = await accessTo(data, member, ticket);
	if (!access.staff) refuse(LanguageKeys.Tickets.StaffOnly);
	assertCanApply(ticket.status, action);
	return { ticket, access };
}

export async function participantIds(data: GuildData, ticketId: number): Promise<string[]> {
	return (await data.db.ticketParticipant.findMany({ where: { ticketId }, select: { userId: true } })).map((row) => row.userId);
}

/** Lets these members write, or not, in one call that rewrites the channel's overwrites. */
export async function setWriting(
	channel: GuildTextBasedChannel,
	memberIds: readonly string[],
	allowed: boolean,
	reason: string
): Promise<void> {
	if (!('permissionOverwrites' in channel)) return;
	const targets = new Set(memberIds);
	const overwrites = channel.permissionOverwrites.cache.map((overwrite) => {
		if (!targets.has(overwrite.id))
			return { id: overwrite.id, type: overwrite.type, allow: overwrite.allow.bitfield, deny: overwrite.deny.bitfield };
		const allow = allowed
			? overwrite.allow.bitfield | PermissionFlagsBits.SendMessages
			: overwrite.allow.bitfield & ~PermissionFlagsBits.SendMessages;
		const deny = allowed
			? overwrite.deny.bitfield & ~PermissionFlagsBits.SendMessages
			: overwrite.deny.bitfield | PermissionFlagsBits.SendMessages;
		return { id: overwrite.id, type: overwrite.type, allow, deny };
	});
	await channel.permissionOverwrites.set(overwrites, reason);
}

export async function lockTicket(context: OperationContext, lock: boolean): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, lock ? 'lock' : 'unlock');
	if (ticket.locked === lock) refuse(lock ? LanguageKeys.Tickets.AlreadyLocked : LanguageKeys.Tickets.NotLocked);
	await context.data.db.ticket.update({ where: { id: ticket.id }, data: { locked: lock } });
	await setWriting(
		context.channel,
		[ticket.ownerId, ...(await participantIds(context.data, ticket.id))],
		!lock,
		lock ? 'ticket locked' : 'ticket unlocked'
	);
	const key = lock ? LanguageKeys.Tickets.Locked : LanguageKeys.Tickets.Unlocked;
	return recorded(context, ticket.id, lock ? 'ticket.locked' : 'ticket.unlocked', key, { user: `<@${context.member.id}>` });
}

export async function reopenTicket(context: OperationContext): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'reopen');
	const { count } = await context.data.db.ticket.updateMany({
		where: { id: ticket.id, status: TicketStatus.Closed },
		data: { status: TicketStatus.Open, closedAt: null, closedById: null, closeReason: null, lastActivityAt: new Date() }
	});
	if (count === 0) refuse(LanguageKeys.Tickets.WrongState, { status: TicketStatus.Open });
	if (!ticket.locked)
		await setWriting(
			context.channel,
			[ticket.ownerId, ...(await participantIds(context.data, ticket.id))],
			true,
			'ticket reopened'
		);
	return recorded(context, ticket.id, 'ticket.reopened', LanguageKeys.Tickets.Reopened, { user: `<@${context.member.id}>` });
}

export async function addParticipant(context: OperationContext, user: User): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'edit');
	const mention = `<@${user.id}>`;
	if (
		!context.channel.guild.members.cache.has(user.id) &&
		!(await context.channel.guild.members.fetch(user.id).catch(() => null))
	) {
		refuse(LanguageKeys.Tickets.NotAMember, { user: mention });
	}
	const participants = await participantIds(context.data, ticket.id);
	if (user.id === ticket.ownerId || participants.includes(user.id)) refuse(LanguageKeys.Tickets.AlreadyIn, { user: mention });
	await context.data.db.ticketParticipant.create({
		data: { ticketId: ticket.id, guildId: context.data.guildId, userId: user.id, addedById: context.member.id }
	});
	if ('permissionOverwrites' in context.channel) {
		await context.channel.permissionOverwrites.create(
			user.id,
			{ ...MEMBER_ACCESS, SendMessages: !ticket.locked },
			{ reason: 'added to the ticket' }
		);
	}
	return recorded(
		context,
		ticket.id,
		'ticket.user_added',
		LanguageKeys.Tickets.UserAdded,
		{ user: mention, by: `<@${context.member.id}>` },
		{ targetId: user.id }
	);
}

export async function removeParticipant(context: OperationContext, user: User): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'edit');
	const mention = `<@${user.id}>`;
	if (user.id === ticket.ownerId) refuse(LanguageKeys.Tickets.CannotRemoveOwner);
	const { count } = await context.data.db.ticketParticipant.deleteMany({ where: { ticketId: ticket.id, userId: user.id } });
	if (count === 0) refuse(LanguageKeys.Tickets.NotParticipant, { user: mention });
	if ('permissionOverwrites' in context.channel)
		await context.channel.permissionOverwrites.delete(user.id, 'removed from the ticket');
	return recorded(
		context,
		ticket.id,
		'ticket.user_removed',
		LanguageKeys.Tickets.UserRemoved,
		{ user: mention, by: `<@${context.member.id}>` },
		{ targetId: user.id }
	);
}

export async function setPriority(context: OperationContext, priority: Priority): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'edit');
	await context.data.db.ticket.update({ where: { id: ticket.id }, data: { priority } });
	return recorded(
		context,
		ticket.id,
		'ticket.priority',
		LanguageKeys.Tickets.PrioritySet,
		{ priority: priorityLabel(context.t, priority), by: `<@${context.member.id}>` },
		{ details: { from: ticket.priority, to: priority } }
	);
}

export async function setTags(context: OperationContext, tags: string[]): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'edit');
	await context.data.db.ticket.update({ where: { id: ticket.id }, data: { tags: writeList(tags) } });
	const shown = tags.length ? tags.map((tag) => `\`${userText(tag, 32).replaceAll('`', "'")}\``).join(' ') : '—';
	return recorded(
		context,
		ticket.id,
		'ticket.tags',
		LanguageKeys.Tickets.TagsSet,
		{ tags: shown, by: `<@${context.member.id}>` },
		{ details: { tags } }
	);
}

/** An internal note: stored for staff, never posted in the ticket. */
export async function addNote(context: OperationContext, text: string): Promise<OperationResult> {
	const { ticket } = await ticketNoteTarget(context);
	await context.data.db.ticketNote.create({
		data: { guildId: context.data.guildId, ticketId: ticket.id, authorId: context.member.id, content: text }
	});
	return recorded(context, ticket.id, 'ticket.note', LanguageKeys.Tickets.NoteSaved, {});
}

/** Notes are allowed on closed tickets too: staff may record what happened after the fact. */
async function ticketNoteTarget({ data, member, channel }: OperationContext) {
	const ticket = await ticketInChannel(data, channel.id);
	if (!(await accessTo(data, member, ticket)).staff) refuse(LanguageKeys.Tickets.StaffOnly);
	return { ticket };
}

export async function transferTicket(context: OperationContext, user: User): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'edit');
	const mention = `<@${user.id}>`;
	if (user.id === ticket.ownerId) refuse(LanguageKeys.Tickets.AlreadyOwner, { user: mention });
	if (!(await context.channel.guild.members.fetch(user.id).catch(() => null)))
		refuse(LanguageKeys.Tickets.NotAMember, { user: mention });
	await context.data.db.$transaction([
		context.data.db.ticket.update({ where: { id: ticket.id }, data: { ownerId: user.id } }),
		context.data.db.ticketParticipant.deleteMany({ where: { ticketId: ticket.id, userId: user.id } }),
		context.data.db.ticketParticipant.create({
			data: { ticketId: ticket.id, guildId: context.data.guildId, userId: ticket.ownerId, addedById: context.member.id }
		})
	]);
	if ('permissionOverwrites' in context.channel) {
		await context.channel.permissionOverwrites.create(
			user.id,
			{ ...MEMBER_ACCESS, SendMessages: !ticket.locked },
			{ reason: 'ticket transferred' }
		);
	}
	return recorded(
		context,
		ticket.id,
		'ticket.transferred',
		LanguageKeys.Tickets.Transferred,
		{
			user: mention,
			previous: `<@${ticket.ownerId}>`,
			by: `<@${context.member.id}>`
		},
		{ targetId: user.id, details: { from: ticket.ownerId } }
	);
}

const RENAME_WINDOW_MS = 10 * 60_000;

/** Renames the channel; Discord's two renames per ten minutes are counted here first, so nobody waits. */
export async function renameTicket(context: OperationContext, cache: Cache, requested: string): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'edit');
	const name = sanitizeChannelName(requested, ticket.number);
	const key = `rename:${context.channel.id}`;
	const tooSoon = async () => {
		const minutes = Math.max(1, Math.ceil(((await cache.ttl(key)) ?? RENAME_WINDOW_MS) / 60_000));
		refuse(LanguageKeys.Tickets.RenameTooSoon, { count: minutes });
	};
	if ((await cache.increment(key, RENAME_WINDOW_MS)) > 2) await tooSoon();
	try {
		await context.channel.edit({ name, reason: 'ticket renamed' });
	} catch (error) {
		if (error instanceof RateLimitError) await tooSoon();
		throw error;
	}
	return recorded(
		context,
		ticket.id,
		'ticket.renamed',
		LanguageKeys.Tickets.Renamed,
		{ name, by: `<@${context.member.id}>` },
		{ details: { name } }
	);
}

/** Closes the ticket after a delay (0 cancels). The due time is stored first: a restart loses nothing. */
export async function scheduleClose(
	context: OperationContext,
	scheduler: CloseScheduler,
	minutes: number,
	reason: string | null
): Promise<OperationResult> {
	const { ticket } = await staffOperation(context, 'edit');
	const by = `<@${context.member.id}>`;
	if (minutes === 0) {
		if (!ticket.scheduledCloseAt) refuse(LanguageKeys.Tickets.NothingScheduled);
		await context.data.db.ticket.update({
			where: { id: ticket.id },
			data: { scheduledCloseAt: null, scheduledCloseById: null, scheduledCloseReason: null }
		});
		return recorded(context, ticket.id, 'ticket.close_unscheduled', LanguageKeys.Tickets.CloseUnscheduled, { by });
	}
	const at = new Date(Date.now() + minutes * 60_000);
	await context.data.db.ticket.update({
		where: { id: ticket.id },
		data: { scheduledCloseAt: at, scheduledCloseById: context.member.id, scheduledCloseReason: reason }
	});
	await scheduler.schedule(context.data.guildId, ticket.id, at);
	return recorded(
		context,
		ticket.id,
		'ticket.close_scheduled',
		LanguageKeys.Tickets.CloseScheduled,
		{ when: `<t:${Math.floor(at.getTime() / 1000)}:R>`, by },
		{ details: { at: at.toISOString(), reason } }
	);
}

/** Admins close a ticket whatever its state (even one stuck being created), optionally deleting its channel. */
export async function forceCloseTicket(
	context: OperationContext,
	deleteChannel: boolean,
	reason: string
): Promise<OperationResult & { deleteChannel: boolean }> {
	const ticket = await ticketInChannel(context.data, context.channel.id);
	if (!(await accessTo(context.data, context.member, ticket)).admin) refuse(LanguageKeys.Errors.AdminOnly);
	const entry: AuditEntry = {
		ticketId: ticket.id,
		actorId: context.member.id,
		action: 'ticket.force_closed',
		details: { reason, deleteChannel }
	};
	await context.data.db.$transaction([
		context.data.db.ticket.update({
			where: { id: ticket.id },
			data: {
				status: TicketStatus.Closed,
				closedAt: ticket.closedAt ?? new Date(),
				closedById: context.member.id,
				closeReason: reason,
				scheduledCloseAt: null
			}
		}),
		context.data.db.auditEvent.create({ data: auditRow(context.data.guildId, entry) })
	]);
	context.audit.published(context.data, entry);
	if (deleteChannel) return { ticketId: ticket.id, content: context.t(LanguageKeys.Tickets.ForceDeleting), deleteChannel };
	await setWriting(
		context.channel,
		[ticket.ownerId, ...(await participantIds(context.data, ticket.id))],
		false,
		'ticket force-closed'
	);
	context.transcripts.queueArchive(context.data.guildId, ticket.id);
	return {
		ticketId: ticket.id,
		content: context.t(LanguageKeys.Tickets.ForceClosed, { user: `<@${context.member.id}>`, reason: userText(reason, 500) }),
		deleteChannel
	};
}
