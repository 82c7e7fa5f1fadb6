import { withPings } from '../lib/chat/context.js';
import { outcomeMessage } from '../lib/chat/render.js';
import { translatorFor } from '../lib/discord/translate.js';
import type { TicketOutcome, UseCase } from '../lib/tickets/outcome.js';
import type { WebServices } from './context.js';
import type { WebMember } from './members.js';

/**
 * Runs a ticket use case for a dashboard or API caller, as the command would run it: the use case
 * decides and changes; an answer for the channel is then posted in the ticket (in the guild's language,
 * with its controls), as the command's reply would be, and the work left for after the answer runs.
 */
export async function runTicketAction<Input>(
	services: WebServices,
	member: WebMember,
	ticketId: number,
	useCase: UseCase<Input, TicketOutcome>,
	input: Input
): Promise<TicketOutcome> {
	const outcome = await useCase.run(services.ticketServices, member.actor, { guildId: member.guild.id, ticketId }, input);
	if (useCase.audience === 'channel') await postInTicket(services, member, ticketId, outcome);
	await outcome.afterAnswer?.();
	return outcome;
}

async function postInTicket(services: WebServices, member: WebMember, ticketId: number, outcome: TicketOutcome): Promise<void> {
	const row = await services.db
		.forGuild(member.guild.id)
		.db.ticket.findUnique({ where: { id: ticketId }, select: { channelId: true } });
	const channel = row?.channelId ? await member.guild.channels.fetch(row.channelId).catch(() => null) : null;
	if (!channel?.isSendable()) return;
	const { payload, allowedMentions } = withPings(outcomeMessage(await translatorFor(member.guild), outcome));
	await channel
		.send({ ...payload, allowedMentions })
		.catch((error: unknown) =>
			services.ticketServices.log.warn('Could not post a web action in its ticket', { guildId: member.guild.id, ticketId, error })
		);
}
