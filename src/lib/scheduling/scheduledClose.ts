import { container } from '@sapphire/framework';
import { fetchT } from '@sapphire/plugin-i18next';
import { ChannelType, type TextChannel } from 'discord.js';
import { userText } from '../discord/escape.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { ratingButtons } from '../tickets/feedback.js';
import { participantIds, setWriting } from '../tickets/operations.js';
import { TicketStatus } from '../tickets/status.js';

/**
 * Closes a ticket whose scheduled close is due. Safe to run any number of times, from any process:
 * the database decides (status open and the due time reached), so a ticket closes once, a cancelled or
 * postponed schedule does nothing, and a manual close that came first wins.
 */
export async function runScheduledClose(guildId: string, ticketId: number, now = new Date()): Promise<boolean> {
	const data = container.db.forGuild(guildId);
	const ticket = await data.db.ticket.findUnique({ where: { id: ticketId } });
	if (!ticket?.scheduledCloseAt) return false;
	const { count } = await data.db.ticket.updateMany({
		where: { id: ticketId, status: TicketStatus.Open, scheduledCloseAt: { lte: now } },
		data: {
			status: TicketStatus.Closed,
			closedAt: now,
			closedById: ticket.scheduledCloseById,
			closeReason: ticket.scheduledCloseReason,
			scheduledCloseAt: null
		}
	});
	if (count === 0) return false;
	await container.audit.record(data, {
		ticketId,
		actorId: ticket.scheduledCloseById,
		action: 'ticket.closed',
		details: { reason: ticket.scheduledCloseReason, scheduled: true }
	});
	const guild = container.client.guilds.cache.get(guildId);
	const channel = ticket.channelId ? await guild?.channels.fetch(ticket.channelId).catch(() => null) : null;
	if (channel?.type === ChannelType.GuildText) {
		await setWriting(
			channel as TextChannel,
			[ticket.ownerId, ...(await participantIds(data, ticketId))],
			false,
			'scheduled close'
		);
		const t = await fetchT(guild!);
		const reason = ticket.scheduledCloseReason ? userText(ticket.scheduledCloseReason, 500) : t(LanguageKeys.Tickets.NoReason);
		await (channel as TextChannel).send({
			content: `${t(LanguageKeys.Tickets.ScheduledClosed, { user: `<@${ticket.scheduledCloseById ?? container.client.user!.id}>`, reason })}\n${t(LanguageKeys.Tickets.RatePrompt)}`,
			components: [ratingButtons(ticketId)],
			allowedMentions: { parse: [] }
		});
	}
	return true;
}
