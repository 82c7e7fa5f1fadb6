import { Events, Listener } from '@sapphire/framework';
import type { GuildTextBasedChannel, Message, PartialMessage, ReadonlyCollection, Snowflake } from 'discord.js';

/** Marks archived ticket messages deleted in bulk. */
export class UserListener extends Listener<typeof Events.MessageBulkDelete> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.MessageBulkDelete });
	}

	public run(messages: ReadonlyCollection<Snowflake, Message<true> | PartialMessage<true>>, channel: GuildTextBasedChannel) {
		this.container.archive.deleted(channel.guildId, channel.id, [...messages.keys()]);
	}
}
