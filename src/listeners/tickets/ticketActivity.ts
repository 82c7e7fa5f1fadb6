import { Events, Listener } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { callerWorks } from '../../lib/chat/caller.js';
import { recordTicketMessage, ticketIdOfChannel } from '../../lib/tickets/activity.js';

/** Tracks who speaks in tickets: first staff response, staff answer counts, the opener's last activity. */
export class UserListener extends Listener<typeof Events.MessageCreate> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.MessageCreate });
	}

	public async run(message: Message) {
		if (!message.inGuild() || message.author.bot || message.webhookId || !message.member) return;
		const data = this.container.db.forGuild(message.guildId);
		const ticketId = await ticketIdOfChannel(data, this.container.cache, message.channelId);
		if (!ticketId) return;
		const ticket = await data.db.ticket.findUnique({ where: { id: ticketId } });
		if (!ticket) return;
		const role =
			message.author.id === ticket.ownerId || message.author.id === ticket.openerId
				? 'opener'
				: (await callerWorks(this.container, message.member, ticket))
					? 'staff'
					: 'other';
		await recordTicketMessage(data, ticketId, message.author.id, role, message.createdAt);
	}
}
