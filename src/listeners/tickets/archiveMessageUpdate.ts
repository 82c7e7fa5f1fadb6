import { Events, Listener } from '@sapphire/framework';
import type { Message, PartialMessage } from 'discord.js';

/** Keeps the archived copy of an edited ticket message up to date. */
export class UserListener extends Listener<typeof Events.MessageUpdate> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.MessageUpdate });
	}

	public run(_old: Message | PartialMessage, message: Message | PartialMessage) {
		this.container.archive.edited(message);
	}
}
