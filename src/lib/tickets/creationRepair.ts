import { auditRow, type AuditEntry } from '../audit/AuditLog.js';
import type { BotConfig } from '../config/schema.js';
import { TicketStatus } from '../model/status.js';
import { ticketTopicStart } from './channels.js';
import type { TicketServices } from './services.js';

/**
 * A creation or change unfinished for this long (config `reliability.repairAfterSeconds`, a minute by
 * default) was stopped: a running one takes seconds, and a member's creation lock lasts 30 s, so another
 * process's work in progress is never taken for one.
 */
export const repairAfterMs = (config: BotConfig) => config.reliability.repairAfterSeconds * 1000;

export interface CreationRepair {
	guildId: string;
	number: number;
	/** Opened: its channel had the welcome. Removed: the row, and the channel when there was one. */
	outcome: 'opened' | 'removed';
	channelId: string | null;
}

/**
 * Finishes or undoes the ticket creations a stopped bot left half-done in these guilds. A ticket whose
 * channel holds the bot's welcome is opened, as the member saw it; any other is removed, its channel
 * with it (found by the ID the creation recorded, or by its topic when the bot stopped before that), so
 * that no channel is left that no ticket names, and the member, whom the half ticket counted against
 * their limits, may open one again.
 */
export async function repairCreations(
	services: TicketServices,
	guildIds: readonly string[],
	now = new Date()
): Promise<CreationRepair[]> {
	// A system-wide pass over this shard's guilds; each repair goes through the guild's scoped client.
	const stale = await services.db.prisma.ticket.findMany({
		where: {
			guildId: { in: [...guildIds] },
			status: TicketStatus.Creating,
			createdAt: { lt: new Date(now.getTime() - repairAfterMs(services.config)) }
		},
		select: { guildId: true, id: true },
		orderBy: { id: 'asc' }
	});
	const repairs: CreationRepair[] = [];
	for (const { guildId, id } of stale) {
		const repair = await repairOne(services, guildId, id);
		if (repair) repairs.push(repair);
	}
	return repairs;
}

async function repairOne(services: TicketServices, guildId: string, id: number): Promise<CreationRepair | null> {
	const data = services.db.forGuild(guildId);
	const ticket = await data.db.ticket.findUnique({ where: { id }, include: { category: { select: { key: true } } } });
	if (ticket?.status !== TicketStatus.Creating) return null;
	const left = await services.channels.leftover(guildId, ticket.channelId, ticketTopicStart(ticket.number));
	if (left?.posted) {
		const entry: AuditEntry = {
			ticketId: id,
			actorId: ticket.anonymous ? null : ticket.openerId,
			action: 'ticket.opened',
			details: { number: ticket.number, category: ticket.category?.key ?? null, source: 'restart' }
		};
		// Another process starting at the same moment may repair it too: one of them opens it.
		const opened = await data.db.$transaction(async (tx) => {
			const { count } = await tx.ticket.updateMany({
				where: { id, status: TicketStatus.Creating },
				data: { channelId: left.channelId, status: TicketStatus.Open }
			});
			if (count === 1) await tx.auditEvent.create({ data: auditRow(guildId, entry) });
			return count === 1;
		});
		if (!opened) return null;
		services.audit.published(data, entry);
		return { guildId, number: ticket.number, outcome: 'opened', channelId: left.channelId };
	}
	if (left) await services.channels.delete(guildId, left.channelId, 'ticket creation stopped with the bot');
	await data.db.ticket.deleteMany({ where: { id, status: TicketStatus.Creating } });
	return { guildId, number: ticket.number, outcome: 'removed', channelId: left?.channelId ?? null };
}
