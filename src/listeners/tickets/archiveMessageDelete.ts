import { Events, Listener } from '@sapphire/framework';
import type { Message, PartialMessage } from 'discord.js';

/** Marks an archived ticket message deleted. */
export class UserListener extends Listener<typeof Events.MessageDelete> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.MessageDelete });
	}

	public run(message: Message | PartialMessage) {
		this.container.archive.deleted(message.guildId, message.channelId, [message.id]);
	}
}
