import { type Events, Listener } from '@sapphire/framework';
import type { Message } from 'discord.js';

export class UserListener extends Listener<typeof Events.MessageCommandFinish> {
	public run(message: Message) {
		this.container.work.end(message.id);
	}
}
