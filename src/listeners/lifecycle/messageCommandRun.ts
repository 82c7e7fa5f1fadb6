import { type Events, Listener } from '@sapphire/framework';
import type { Message } from 'discord.js';

/** Counts the command as work in flight, so shutdown waits for it. */
export class UserListener extends Listener<typeof Events.MessageCommandRun> {
	public run(message: Message) {
		this.container.work.begin(message.id);
	}
}
