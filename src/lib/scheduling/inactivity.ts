import { translatorFor } from '../discord/translate.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { TicketStatus } from '../model/status.js';
import type { SchedulingServices } from './services.js';
import { runSystemClose, ticketChannel } from './systemClose.js';

const HOUR_MS = 3_600_000;

export interface InactivityReport {
	warned: number;
	closed: number;
}

/**
 * One pass of the inactivity rule over this process's guilds: an open ticket whose opener has been silent
 * for warnAfterHours gets a warning; warned and still silent closeAfterHours later, it closes. A reply
 * from the opener clears the warning (recorded by the activity listener). Each step is claimed with a
 * conditional update, so overlapping passes (two processes, a retried job) act once.
 */
export async function sweepInactiveTickets(services: SchedulingServices, now = new Date()): Promise<InactivityReport> {
	const { db, config } = services.ticketServices;
	const { closeAfterHours } = config.tickets.inactivity;
	const report: InactivityReport = { warned: 0, closed: 0 };
	for (const [warnAfterHours, guildIds] of await guildsByWarnHours(services)) {
		// 0: the guild does not auto-close; a warning it gave before turning it off closes nothing either.
		if (warnAfterHours === 0) continue;
		// A system-wide pass over this shard's guilds; each write below goes through the guild's scoped client.
		const candidates = await db.prisma.ticket.findMany({
			where: {
				guildId: { in: guildIds },
				status: TicketStatus.Open,
				softDeletedAt: null,
				OR: [
					{ inactivityWarnedAt: null, openerLastActivityAt: { lte: new Date(now.getTime() - warnAfterHours * HOUR_MS) } },
					{ inactivityWarnedAt: { lte: new Date(now.getTime() - closeAfterHours * HOUR_MS) } }
				]
			},
			select: { id: true, guildId: true, inactivityWarnedAt: true }
		});
		for (const candidate of candidates) {
			if (candidate.inactivityWarnedAt)
				report.closed += Number(
					await closeInactive(services, candidate.guildId, candidate.id, candidate.inactivityWarnedAt, now)
				);
			else report.warned += Number(await warnInactive(services, candidate.guildId, candidate.id, now, closeAfterHours));
		}
	}
	if (report.warned + report.closed > 0)
		services.logger.info(`Inactivity sweep: warned ${report.warned}, closed ${report.closed} ticket(s)`);
	return report;
}

/** This process's guilds grouped by how many silent hours earn a warning (their own setting, else config.yaml's). */
async function guildsByWarnHours(services: SchedulingServices): Promise<Map<number, string[]>> {
	const { db, config } = services.ticketServices;
	const guildIds = [...services.client.guilds.cache.keys()];
	const own = await db.prisma.guildSettings.findMany({
		where: { guildId: { in: guildIds }, inactivityHours: { not: null } },
		select: { guildId: true, inactivityHours: true }
	});
	const hoursOf = new Map(own.map((settings) => [settings.guildId, settings.inactivityHours!]));
	const groups = new Map<number, string[]>();
	for (const guildId of guildIds) {
		const hours = hoursOf.get(guildId) ?? config.tickets.inactivity.warnAfterHours;
		groups.set(hours, [...(groups.get(hours) ?? []), guildId]);
	}
	return groups;
}

async function warnInactive(
	services: SchedulingServices,
	guildId: string,
	ticketId: number,
	now: Date,
	closeAfterHours: number
): Promise<boolean> {
	const data = services.ticketServices.db.forGuild(guildId);
	const { count } = await data.db.ticket.updateMany({
		where: { id: ticketId, status: TicketStatus.Open, inactivityWarnedAt: null },
		data: { inactivityWarnedAt: now }
	});
	if (count === 0) return false;
	const ticket = await data.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
	const channel = await ticketChannel(services.client, guildId, ticket.channelId);
	if (channel) {
		const t = await translatorFor(channel.guild);
		const when = `<t:${Math.floor((now.getTime() + closeAfterHours * HOUR_MS) / 1000)}:R>`;
		await channel.send({
			content: t(LanguageKeys.Tickets.InactivityWarning, { user: `<@${ticket.ownerId}>`, when }),
			allowedMentions: { users: [ticket.ownerId] }
		});
	}
	await services.ticketServices.audit.record(data, { ticketId, actorId: null, action: 'ticket.inactivity_warned' });
	return true;
}

/** Closes a warned ticket whose opener stayed silent; one Discord refused stays warned, for the next sweep. */
async function closeInactive(
	services: SchedulingServices,
	guildId: string,
	ticketId: number,
	warnedAt: Date,
	now: Date
): Promise<boolean> {
	try {
		return await runSystemClose(services, guildId, ticketId, { kind: 'inactivity', warnedAt, now });
	} catch (error) {
		services.logger.warn('An inactivity close failed; the next sweep tries again', { guildId, ticketId, error });
		return false;
	}
}
