import type { Actor } from '../access/actor.js';
import { canWork, isAdmin, type GuildRoles, type TicketParties } from '../access/policy.js';
import { guildRoles, ticketTeam } from '../access/roles.js';
import type { GuildData } from '../database/guildData.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { withAccess, type MemberAccess, type Overwrite } from './channels.js';
import { TicketStatus } from '../model/status.js';
import type { TicketServices } from './services.js';
import { assertCanApply, type TicketAction } from './stateMachine.js';

export type TicketRow = NonNullable<Awaited<ReturnType<GuildData['db']['ticket']['findFirst']>>>;

/** One ticket with everything the policy needs to decide on it. */
export interface TicketScene {
	readonly data: GuildData;
	readonly ticket: TicketRow;
	readonly parties: TicketParties;
	readonly roles: GuildRoles;
	/** The roles that work it (its department's, else its category's). */
	readonly team: readonly string[];
}

export interface LoadOptions {
	/** Soft-deleted tickets are refused unless the operation is about them (restore, purge). */
	deleted?: boolean;
}

/** The ticket the chat surface found in a channel: its ID, or a refusal that says where to run the command. */
export async function ticketIdInChannel(data: GuildData, channelId: string): Promise<number> {
	const ticket = await data.db.ticket.findFirst({ where: { channelId }, select: { id: true } });
	if (!ticket) refuse(LanguageKeys.Tickets.NotATicket);
	return ticket.id;
}

export async function loadTicket(
	services: TicketServices,
	guildId: string,
	ticketId: number,
	options: LoadOptions = {}
): Promise<TicketScene> {
	const data = services.db.forGuild(guildId);
	const ticket = await data.db.ticket.findUnique({ where: { id: ticketId } });
	if (!ticket) refuse(LanguageKeys.Tickets.NotATicket);
	if (ticket.softDeletedAt && !options.deleted) refuse(LanguageKeys.Tickets.SoftDeleted);
	const sources = { check: services.roles, log: services.log };
	const [participants, roles, team] = await Promise.all([
		participantIds(data, ticket.id),
		guildRoles(data, sources),
		ticketTeam(data, ticket, sources)
	]);
	return {
		data,
		ticket,
		roles,
		team,
		parties: { openerId: ticket.openerId, ownerId: ticket.ownerId, participantIds: participants }
	};
}

export async function participantIds(data: GuildData, ticketId: number): Promise<string[]> {
	const rows = await data.db.ticketParticipant.findMany({ where: { ticketId }, select: { userId: true } });
	return rows.map((row) => row.userId);
}

/** The opener and the participants: the members who lose or regain writing together. */
export function members(scene: TicketScene): string[] {
	return [...new Set([scene.ticket.ownerId, ...scene.parties.participantIds])];
}

/** A staff operation on this ticket, allowed in its current state. */
export async function staffScene(
	services: TicketServices,
	actor: Actor,
	guildId: string,
	ticketId: number,
	action: TicketAction
): Promise<TicketScene> {
	const scene = await loadTicket(services, guildId, ticketId);
	if (!canWork(actor, scene.roles, scene.team)) refuse(LanguageKeys.Tickets.StaffOnly);
	assertCanApply(scene.ticket.status, action);
	return scene;
}

/** An admin operation on this ticket (soft-deleted ones included), not yet purged. */
export async function adminScene(
	services: TicketServices,
	actor: Actor,
	guildId: string,
	ticketId: number
): Promise<TicketScene> {
	const scene = await loadTicket(services, guildId, ticketId, { deleted: true });
	if (!isAdmin(actor, scene.roles)) refuse(LanguageKeys.Errors.AdminOnly);
	if (scene.ticket.purgedAt) refuse(LanguageKeys.Tickets.AlreadyPurged);
	return scene;
}

export const mention = (userId: string) => `<@${userId}>`;
export const roleMention = (roleId: string) => `<@&${roleId}>`;
export const ticketNumber = (number: number) => String(number).padStart(4, '0');

/** What the ticket's row says now of who may use its channel. */
export async function memberAccess(data: GuildData, ticketId: number): Promise<MemberAccess | null> {
	const ticket = await data.db.ticket.findUnique({
		where: { id: ticketId },
		select: { status: true, locked: true, ownerId: true, softDeletedAt: true }
	});
	if (!ticket) return null;
	return {
		memberIds: [...new Set([ticket.ownerId, ...(await participantIds(data, ticketId))])],
		write: ticket.status === TicketStatus.Open && !ticket.locked,
		archived: ticket.softDeletedAt !== null
	};
}

/**
 * The Discord side of a change to the ticket's members or to whether they write (close, reopen, lock,
 * unlock, add, remove, transfer): the access the database holds when the change reaches the channel,
 * read in the channel's queue, so whatever order changes made at once arrive in, the channel ends as the
 * database says. `touched`: the members whose own access the change gives or takes.
 */
export function accessEffect(
	services: TicketServices,
	scene: TicketScene,
	reason: string,
	touched: readonly string[] = []
): () => Promise<void> {
	return overwriteEffect(
		services,
		scene,
		async (current) => {
			const access = await memberAccess(scene.data, scene.ticket.id);
			return access ? withAccess(current, access, touched) : [...current];
		},
		reason
	);
}

/** The Discord side of a change to who may do what in the ticket's channel (none once the channel is gone). */
export function overwriteEffect(
	services: TicketServices,
	scene: TicketScene,
	change: (current: readonly Overwrite[]) => Overwrite[] | Promise<Overwrite[]>,
	reason: string
): () => Promise<void> {
	return async () => {
		const { channelId } = scene.ticket;
		if (channelId) await services.channels.changeOverwrites(scene.data.guildId, channelId, change, reason);
	};
}
