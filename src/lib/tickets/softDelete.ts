import { entryAuthor } from '../access/actor.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import { archived } from './channels.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { adminScene, members, mention, overwriteEffect } from './ticket.js';

/**
 * Soft delete: the ticket leaves lists and analytics, and its channel becomes an archive (the opener and
 * participants lose access, the staff roles keep reading but no longer write), in one overwrite call.
 * `restore` undoes both.
 */
export const softDelete = useCase<{ restore: boolean }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { restore }) => {
		const scene = await adminScene(services, actor, guildId, ticketId);
		const { ticket } = scene;
		const wrong = restore ? LanguageKeys.Tickets.NotSoftDeleted : LanguageKeys.Tickets.AlreadySoftDeleted;
		if (restore !== Boolean(ticket.softDeletedAt)) refuse(wrong);
		const deletedAt = restore ? null : new Date();
		await commitChange(services, scene.data, {
			entry: { ticketId, ...entryAuthor(actor), action: restore ? 'ticket.restored' : 'ticket.soft_deleted' },
			write: async (tx) =>
				(
					await tx.ticket.updateMany({
						where: { id: ticketId, softDeletedAt: restore ? { not: null } : null },
						data: { softDeletedAt: deletedAt }
					})
				).count === 1,
			lost: notice(wrong),
			effect: overwriteEffect(
				services,
				scene,
				(current) =>
					archived(current, {
						guildId,
						memberIds: members(scene),
						archive: !restore,
						membersWrite: ticket.status === TicketStatus.Open && !ticket.locked
					}),
				restore ? 'ticket restored' : 'ticket soft-deleted'
			),
			undo: async (tx) => {
				await tx.ticket.updateMany({
					where: { id: ticketId, softDeletedAt: deletedAt },
					data: { softDeletedAt: ticket.softDeletedAt }
				});
			}
		});
		const key = restore ? LanguageKeys.Tickets.Restored : LanguageKeys.Tickets.SoftDeletedDone;
		return { ticketId, notice: notice(key, { user: mention(actor.userId) }) };
	}
);
