import { Events, Listener } from '@sapphire/framework';
import type { DMChannel, GuildChannel } from 'discord.js';
import { serveQueue } from '../../lib/chat/queue.js';
import { closeDeletedChannel } from '../../lib/tickets/close.js';

/**
 * Closes the ticket whose channel someone deleted in Discord (its transcript comes from the archive); any
 * channel deleted frees room for a member waiting in the queue of a full server.
 */
export class UserListener extends Listener<typeof Events.ChannelDelete> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.ChannelDelete });
	}

	public run(channel: DMChannel | GuildChannel) {
		if (channel.isDMBased()) return;
		const { guildId, id } = channel;
		void this.container.work
			.run(() => closeDeletedChannel(this.container.ticketServices, guildId, id))
			.then((number) => {
				if (number !== null)
					this.container.logger.info(`Closed ticket #${number}: its channel was deleted in Discord`, { guildId });
			})
			.catch((error: unknown) =>
				this.container.logger.error('Could not close the ticket of a deleted channel', { guildId, channelId: id, error })
			)
			.finally(() => void this.container.work.run(() => serveQueue(this.container, channel.guild)));
	}
}
