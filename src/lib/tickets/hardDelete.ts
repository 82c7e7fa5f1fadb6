import { entryAuthor } from '../access/actor.js';
import { rm } from 'node:fs/promises';
import type { GuildData } from '../database/guildData.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import type { TicketServices } from './services.js';
import { adminScene, participantIds, ticketNumber, type TicketRow } from './ticket.js';

/** The hard delete's first step: a warning and a confirmation that only admins can use. Nothing is deleted yet. */
export const confirmHardDelete = useCase<void, TicketOutcome>('caller', async (services, actor, { guildId, ticketId }) => {
	const { ticket } = await adminScene(services, actor, guildId, ticketId);
	return {
		ticketId,
		notice: notice(LanguageKeys.Tickets.PurgeConfirm, { number: ticketNumber(ticket.number) }),
		controls: { kind: 'purge', ticketId }
	};
});

/**
 * The hard delete itself, once confirmed. The ticket is marked purged first (with its timeline entry),
 * then its channel is deleted (undone if Discord refuses), then what people wrote and who they were is
 * wiped; a wipe the bot could not finish is finished at start-up. The row stays as an anonymous metrics
 * record (number, category, priority, times, first response, the rating's stars).
 */
export const purge = useCase<void, TicketOutcome>('caller', async (services, actor, { guildId, ticketId }) => {
	const { data, ticket } = await adminScene(services, actor, guildId, ticketId);
	const now = new Date();
	await commitChange(services, data, {
		entry: { ticketId, ...entryAuthor(actor), action: 'ticket.purged' },
		write: async (tx) =>
			(
				await tx.ticket.updateMany({
					where: { id: ticketId, purgedAt: null },
					data: { purgedAt: now, softDeletedAt: ticket.softDeletedAt ?? now }
				})
			).count === 1,
		lost: notice(LanguageKeys.Tickets.AlreadyPurged),
		effect: async () => {
			if (ticket.channelId) await services.channels.delete(guildId, ticket.channelId, 'ticket hard-deleted');
		},
		undo: async (tx) => {
			await tx.ticket.updateMany({
				where: { id: ticketId, purgedAt: now },
				data: { purgedAt: null, softDeletedAt: ticket.softDeletedAt }
			});
		}
	});
	await wipe(data, ticket, actor.userId);
	return { ticketId, notice: notice(LanguageKeys.Tickets.Purging) };
});

/** Removes what a purged ticket stored about people and what they wrote. */
async function wipe(data: GuildData, ticket: TicketRow, actorId: string | null): Promise<void> {
	// The people the ticket was about leave the timeline too (staff stay, as actors).
	const people = [...new Set([ticket.openerId, ticket.ownerId, ...(await participantIds(data, ticket.id))])].filter(Boolean);
	await data.db.$transaction([
		data.db.auditEvent.updateMany({ where: { ticketId: ticket.id, actorId: { in: people } }, data: { actorId: null } }),
		data.db.ticketNote.deleteMany({ where: { ticketId: ticket.id } }),
		data.db.ticketMessage.deleteMany({ where: { ticketId: ticket.id } }),
		data.db.ticketParticipant.deleteMany({ where: { ticketId: ticket.id } }),
		data.db.feedback.updateMany({ where: { ticketId: ticket.id }, data: { userId: '', message: null } }),
		data.db.auditEvent.updateMany({ where: { ticketId: ticket.id }, data: { targetId: null, details: '{}' } }),
		data.db.ticket.update({
			where: { id: ticket.id },
			data: {
				channelId: null,
				openerId: '',
				ownerId: '',
				answers: '[]',
				answersText: '',
				tags: '[]',
				closeReason: null,
				scheduledCloseAt: null,
				scheduledCloseById: null,
				scheduledCloseReason: null,
				status: TicketStatus.Closed,
				closedAt: ticket.closedAt ?? new Date(),
				closedById: ticket.closedById ?? actorId,
				transcriptHtmlPath: null,
				transcriptTxtPath: null
			}
		})
	]);
	for (const path of [ticket.transcriptHtmlPath, ticket.transcriptTxtPath]) if (path) await rm(path, { force: true });
}

/** At start-up: tickets marked purged whose wipe did not finish (the bot stopped, the database failed) are wiped now. */
export async function finishPurges(services: TicketServices, guildIds: readonly string[]): Promise<number> {
	// A system-wide pass over this shard's guilds; each wipe goes through the guild's scoped client.
	const pending = await services.db.prisma.ticket.findMany({
		where: { guildId: { in: [...guildIds] }, purgedAt: { not: null }, openerId: { not: '' } },
		select: { guildId: true, id: true }
	});
	for (const { guildId, id } of pending) {
		const data = services.db.forGuild(guildId);
		const ticket = await data.db.ticket.findUniqueOrThrow({ where: { id } });
		// The bot may have stopped before the channel went: its history goes too.
		if (ticket.channelId) await services.channels.delete(guildId, ticket.channelId, 'ticket hard-deleted');
		await wipe(data, ticket, null);
	}
	return pending.length;
}
