import { entryAuthor } from '../access/actor.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import type { TicketServices } from './services.js';
import { accessEffect, mention, staffScene } from './ticket.js';

/** The member must be in the server to be given a ticket. */
async function requireMember(services: TicketServices, guildId: string, userId: string): Promise<void> {
	if (!(await services.channels.isMember(guildId, userId))) refuse(LanguageKeys.Tickets.NotAMember, { user: mention(userId) });
}

/** Gives a member access to the ticket (writing while it is open and unlocked). */
export const addUser = useCase<{ userId: string }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { userId }) => {
		const scene = await staffScene(services, actor, guildId, ticketId, 'edit');
		await requireMember(services, guildId, userId);
		const already = notice(LanguageKeys.Tickets.AlreadyIn, { user: mention(userId) });
		if (userId === scene.ticket.ownerId || scene.parties.participantIds.includes(userId))
			refuse(LanguageKeys.Tickets.AlreadyIn, { user: mention(userId) });
		await commitChange(services, scene.data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.user_added', targetId: userId },
			write: async (tx) => {
				if (await tx.ticketParticipant.findUnique({ where: { ticketId_userId: { ticketId, userId } } })) return false;
				await tx.ticketParticipant.create({ data: { ticketId, guildId, userId, addedById: actor.userId } });
				return true;
			},
			lost: already,
			effect: accessEffect(services, scene, 'added to the ticket', [userId]),
			undo: async (tx) => {
				await tx.ticketParticipant.deleteMany({ where: { ticketId, userId } });
			}
		});
		return { ticketId, notice: notice(LanguageKeys.Tickets.UserAdded, { user: mention(userId), by: mention(actor.userId) }) };
	}
);

/** Takes a participant's access away; the owner stays (transfer the ticket first). */
export const removeUser = useCase<{ userId: string }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { userId }) => {
		const scene = await staffScene(services, actor, guildId, ticketId, 'edit');
		if (userId === scene.ticket.ownerId) refuse(LanguageKeys.Tickets.CannotRemoveOwner);
		const row = await scene.data.db.ticketParticipant.findUnique({ where: { ticketId_userId: { ticketId, userId } } });
		const notIn = notice(LanguageKeys.Tickets.NotParticipant, { user: mention(userId) });
		if (!row) refuse(LanguageKeys.Tickets.NotParticipant, { user: mention(userId) });
		await commitChange(services, scene.data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.user_removed', targetId: userId },
			write: async (tx) => (await tx.ticketParticipant.deleteMany({ where: { ticketId, userId } })).count === 1,
			lost: notIn,
			effect: accessEffect(services, scene, 'removed from the ticket', [userId]),
			undo: async (tx) => {
				await tx.ticketParticipant.upsert({
					where: { ticketId_userId: { ticketId, userId } },
					create: { ticketId, guildId, userId, addedById: row.addedById, createdAt: row.createdAt },
					update: {}
				});
			}
		});
		return { ticketId, notice: notice(LanguageKeys.Tickets.UserRemoved, { user: mention(userId), by: mention(actor.userId) }) };
	}
);

/** Makes another member the owner; the old owner stays as a participant. */
export const transfer = useCase<{ userId: string }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { userId }) => {
		const scene = await staffScene(services, actor, guildId, ticketId, 'edit');
		const previous = scene.ticket.ownerId;
		if (userId === previous) refuse(LanguageKeys.Tickets.AlreadyOwner, { user: mention(userId) });
		await requireMember(services, guildId, userId);
		const wasParticipant = await scene.data.db.ticketParticipant.findUnique({ where: { ticketId_userId: { ticketId, userId } } });
		await commitChange(services, scene.data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.transferred', targetId: userId, details: { from: previous } },
			write: async (tx) => {
				const { count } = await tx.ticket.updateMany({ where: { id: ticketId, ownerId: previous }, data: { ownerId: userId } });
				if (count === 0) return false;
				await tx.ticketParticipant.deleteMany({ where: { ticketId, userId } });
				await tx.ticketParticipant.upsert({
					where: { ticketId_userId: { ticketId, userId: previous } },
					create: { ticketId, guildId, userId: previous, addedById: actor.userId },
					update: {}
				});
				return true;
			},
			lost: notice(LanguageKeys.Tickets.AlreadyOwner, { user: mention(userId) }),
			effect: accessEffect(services, scene, 'ticket transferred', [userId]),
			undo: async (tx) => {
				await tx.ticket.updateMany({ where: { id: ticketId, ownerId: userId }, data: { ownerId: previous } });
				await tx.ticketParticipant.deleteMany({ where: { ticketId, userId: previous } });
				if (wasParticipant) {
					await tx.ticketParticipant.upsert({
						where: { ticketId_userId: { ticketId, userId } },
						create: { ticketId, guildId, userId, addedById: wasParticipant.addedById, createdAt: wasParticipant.createdAt },
						update: {}
					});
				}
			}
		});
		return {
			ticketId,
			notice: notice(LanguageKeys.Tickets.Transferred, {
				user: mention(userId),
				previous: mention(previous),
				by: mention(actor.userId)
			})
		};
	}
);
