import { Events, Listener } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { noteTicketMessage } from '../../lib/security/antiSpam.js';
import { ticketIdOfChannel } from '../../lib/tickets/activity.js';

/** Watches ticket channels for floods (the anti-spam detector). */
export class UserListener extends Listener<typeof Events.MessageCreate> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.MessageCreate });
	}

	public async run(message: Message) {
		if (!message.inGuild() || message.author.bot || message.webhookId) return;
		const ticketId = await ticketIdOfChannel(
			this.container.db.forGuild(message.guildId),
			this.container.cache,
			message.channelId
		);
		if (ticketId) await noteTicketMessage(this.container, message, ticketId);
	}
}
