import { entryAuthor } from '../access/actor.js';
import { usableRoles } from '../access/roles.js';
import { readList } from '../database/json.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { withRole } from './channels.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { mention, overwriteEffect, roleMention, staffScene } from './ticket.js';

/** Escalation levels a ticket can be raised to. */
export const MAX_ESCALATION_LEVEL = 5;

/**
 * Raises the ticket's escalation level. The role the guild set for that level gains access to the
 * channel (one overwrite call, none when it has it already) and is pinged in the answer.
 */
export const escalate = useCase<{ level: number }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, { level }) => {
		const scene = await staffScene(services, actor, guildId, ticketId, 'edit');
		const from = scene.ticket.escalationLevel;
		if (level <= from) refuse(LanguageKeys.Tickets.EscalateNotHigher, { level: from });
		const stored = readList((await scene.data.settings()).escalationRoleIds)[level - 1];
		const roleId = stored ? usableRoles(guildId, [stored], services.roles, services.log, 'escalation role')[0] : undefined;
		await commitChange(services, scene.data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.escalated', targetId: roleId ?? null, details: { level } },
			write: async (tx) =>
				(await tx.ticket.updateMany({ where: { id: ticketId, escalationLevel: from }, data: { escalationLevel: level } }))
					.count === 1,
			lost: notice(LanguageKeys.Tickets.EscalateNotHigher, { level }),
			effect: roleId
				? overwriteEffect(services, scene, (current) => withRole(current, roleId), `escalated to level ${level}`)
				: undefined,
			undo: async (tx) => {
				await tx.ticket.updateMany({ where: { id: ticketId, escalationLevel: level }, data: { escalationLevel: from } });
			}
		});
		const by = mention(actor.userId);
		if (!roleId) return { ticketId, notice: notice(LanguageKeys.Tickets.EscalatedNoRole, { level, by }) };
		return {
			ticketId,
			notice: notice(LanguageKeys.Tickets.Escalated, { level, by, role: roleMention(roleId) }),
			pingRoles: [roleId]
		};
	}
);
