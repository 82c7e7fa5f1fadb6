import { container } from '@sapphire/framework';
import { ChannelType, type TextChannel } from 'discord.js';
import type { GuildData } from '../database/guildData.js';
import type { TicketRow } from '../tickets/access.js';
import { ratingButtons } from '../tickets/feedback.js';
import { participantIds, setWriting } from '../tickets/operations.js';

/** The ticket's text channel, if it still exists. */
export async function ticketChannel(guildId: string, channelId: string | null): Promise<TextChannel | null> {
	const channel = channelId
		? await container.client.guilds.cache
				.get(guildId)
				?.channels.fetch(channelId)
				.catch(() => null)
		: null;
	return channel?.type === ChannelType.GuildText ? (channel as TextChannel) : null;
}

/**
 * What a close the bot made on its own shows in the ticket (already closed in the database): the opener
 * and participants stop writing, and the notice asks for a rating.
 */
export async function announceSystemClose(data: GuildData, ticket: TicketRow, notice: string): Promise<void> {
	const channel = await ticketChannel(data.guildId, ticket.channelId);
	if (!channel) return;
	await setWriting(channel, [ticket.ownerId, ...(await participantIds(data, ticket.id))], false, 'closed by the bot');
	await channel.send({ content: notice, components: [ratingButtons(ticket.id)], allowedMentions: { parse: [] } });
}
