import { Events, Listener } from '@sapphire/framework';
import type { Message } from 'discord.js';

/** Stores every message of a ticket channel, the bot's own included (the message archive). */
export class UserListener extends Listener<typeof Events.MessageCreate> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.MessageCreate });
	}

	public run(message: Message) {
		this.container.archive.sent(message);
	}
}
