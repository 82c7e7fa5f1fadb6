import { ChannelType, type TextChannel } from 'discord.js';
import { withPings } from '../chat/context.js';
import { outcomeMessage } from '../chat/render.js';
import { translatorFor } from '../discord/translate.js';
import { closeBySystem, type SystemClose } from '../tickets/close.js';
import type { TicketOutcome } from '../tickets/outcome.js';
import type { SchedulingServices } from './services.js';

/** How long a close Discord refused waits before the next try (the database still holds it as due). */
export const RETRY_CLOSE_MS = 5 * 60_000;

/** The ticket's text channel, if it still exists. */
export async function ticketChannel(
	client: SchedulingServices['client'],
	guildId: string,
	channelId: string | null
): Promise<TextChannel | null> {
	const channel = channelId
		? await client.guilds.cache
				.get(guildId)
				?.channels.fetch(channelId)
				.catch(() => null)
		: null;
	return channel?.type === ChannelType.GuildText ? (channel as TextChannel) : null;
}

/**
 * A close the bot makes on its own, through the one close use case, then its answer in the ticket (in
 * the guild's language, with the rating buttons). False when it no longer applies. If Discord refuses
 * the channel change, the close is undone by the use case and this throws: the caller tries again later.
 */
export async function runSystemClose(
	services: SchedulingServices,
	guildId: string,
	ticketId: number,
	how: SystemClose
): Promise<boolean> {
	const outcome = await closeBySystem(services.ticketServices, guildId, ticketId, how);
	if (!outcome) return false;
	await postOutcome(services, guildId, ticketId, outcome);
	return true;
}

/** What a job did, posted in the ticket in the guild's language (pinging only the roles it names); a post that fails is only logged. */
export async function postOutcome(
	services: SchedulingServices,
	guildId: string,
	ticketId: number,
	outcome: TicketOutcome
): Promise<void> {
	const ticket = await services.ticketServices.db
		.forGuild(guildId)
		.db.ticket.findUnique({ where: { id: ticketId }, select: { channelId: true } });
	const channel = await ticketChannel(services.client, guildId, ticket?.channelId ?? null);
	if (!channel) return;
	const { payload, allowedMentions } = withPings(outcomeMessage(await translatorFor(channel.guild), outcome));
	await channel
		.send({ ...payload, allowedMentions })
		.catch((error: unknown) => services.logger.warn('Could not post in the ticket', { guildId, ticketId, error }));
}
