import { usableRoles } from '../access/roles.js';
import type { TicketCategory } from '../categories/CategoryService.js';
import { readList } from '../database/json.js';
import {
	addWorkingMinutes,
	formatWorkingHours,
	isWorking,
	nextOpening,
	parseWorkingHours,
	type WorkingHours
} from '../hours/workingHours.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, userWritten, type Notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import { commitChange } from './change.js';
import type { TicketOutcome } from './outcome.js';
import type { TicketServices } from './services.js';

/** A category's schedule, or null when it has none (or one stored before it could be read). */
export function categoryHours(category: Pick<TicketCategory, 'workingHours'>): WorkingHours | null {
	if (!category.workingHours) return null;
	try {
		return parseWorkingHours(category.workingHours);
	} catch {
		return null;
	}
}

/** Until when the category's staff are away (their next opening), or null while they work or have no hours. */
export function awayUntil(category: Pick<TicketCategory, 'workingHours'>, at: Date): Date | null {
	const hours = categoryHours(category);
	if (!hours || isWorking(hours, at)) return null;
	return nextOpening(hours, at);
}

const when = (at: Date) => `<t:${Math.floor(at.getTime() / 1000)}:F> (<t:${Math.floor(at.getTime() / 1000)}:R>)`;

/**
 * Why the category takes no ticket now: it pauses creation out of its staff's hours. Staff opening one
 * for a member are not held back (see TicketCreator).
 */
export function hoursRefusal(category: TicketCategory, at: Date): Notice | null {
	if (category.outOfHours !== 'pause') return null;
	const until = awayUntil(category, at);
	if (!until) return null;
	const hours = categoryHours(category)!;
	return notice(LanguageKeys.Tickets.OutOfHoursPaused, {
		category: userWritten(category.displayName, 80),
		hours: userWritten(formatWorkingHours(hours), 200, { code: true }),
		when: when(until)
	});
}

/** How long before an SLA's due time staff are told: a fifth of it, between 1 and 60 working minutes. */
export const warningLead = (minutes: number) => Math.min(60, Math.max(1, Math.round(minutes / 5)));

/** A new ticket's SLA clocks, in the category's working time: when each is due, and when staff are warned. */
export function slaClocks(category: TicketCategory, from: Date) {
	const hours = categoryHours(category);
	const clock = (minutes: number | null) =>
		minutes
			? { due: addWorkingMinutes(hours, from, minutes), warn: addWorkingMinutes(hours, from, minutes - warningLead(minutes)) }
			: { due: null, warn: null };
	const response = clock(category.slaMinutes);
	const resolution = clock(category.resolutionSlaMinutes);
	return { slaDueAt: response.due, slaWarnAt: response.warn, resolutionDueAt: resolution.due, resolutionWarnAt: resolution.warn };
}

/**
 * Tells the ticket's staff, once, that an SLA is about to be missed: the first response (while nobody has
 * answered) or the resolution (while it is open). The warning is marked on the ticket and in its timeline
 * in one transaction, conditional on it not being marked yet, so two processes warn once; the roles
 * pinged are the guild's escalation roles, else the ticket's staff roles. Null when nothing is due.
 */
export async function warnSla(
	services: TicketServices,
	guildId: string,
	ticketId: number,
	now: Date
): Promise<TicketOutcome | null> {
	const data = services.db.forGuild(guildId);
	const ticket = await data.db.ticket.findUnique({ where: { id: ticketId } });
	if (!ticket || ticket.status !== TicketStatus.Open || ticket.softDeletedAt) return null;
	const response = ticket.slaWarnAt && ticket.slaWarnAt <= now && !ticket.slaWarnedAt && !ticket.firstResponseAt;
	const resolution = ticket.resolutionWarnAt && ticket.resolutionWarnAt <= now && !ticket.resolutionWarnedAt;
	if (!response && !resolution) return null;
	const kind = response ? 'response' : 'resolution';
	const dueAt = (response ? ticket.slaDueAt : ticket.resolutionDueAt) ?? now;
	const unmarked = response
		? { slaWarnedAt: null, firstResponseAt: null, status: TicketStatus.Open }
		: { resolutionWarnedAt: null, status: TicketStatus.Open };
	const lost = notice(LanguageKeys.Tickets.NotATicket);
	try {
		await commitChange(services, data, {
			entry: { ticketId, actorId: null, action: 'ticket.sla_warning', details: { sla: kind, dueAt: dueAt.toISOString() } },
			write: async (tx) =>
				(
					await tx.ticket.updateMany({
						where: { id: ticketId, ...unmarked },
						data: response ? { slaWarnedAt: now } : { resolutionWarnedAt: now }
					})
				).count === 1,
			lost
		});
	} catch (error) {
		// Warned meanwhile by another process, or answered: nothing to say.
		if ((error as { notice?: Notice }).notice === lost) return null;
		throw error;
	}
	const settings = await data.settings();
	const category = ticket.categoryId
		? await data.db.category.findUnique({ where: { id: ticket.categoryId }, select: { staffRoleIds: true } })
		: null;
	const escalation = readList(settings.escalationRoleIds);
	const roles = usableRoles(
		guildId,
		escalation.length ? escalation : [...readList(category?.staffRoleIds ?? '[]'), ...readList(settings.supportRoleIds)],
		services.roles,
		services.log,
		'SLA warning'
	);
	const mentions = roles.map((id) => `<@&${id}>`).join(' ');
	return {
		ticketId,
		notice: notice(response ? LanguageKeys.Tickets.SlaResponseWarning : LanguageKeys.Tickets.SlaResolutionWarning, {
			when: when(dueAt),
			roles: mentions
		}),
		pingRoles: roles
	};
}
