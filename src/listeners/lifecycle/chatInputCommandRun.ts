import { type Events, Listener } from '@sapphire/framework';
import type { ChatInputCommandInteraction } from 'discord.js';

/** Counts the command as work in flight, so shutdown waits for it. */
export class UserListener extends Listener<typeof Events.ChatInputCommandRun> {
	public run(interaction: ChatInputCommandInteraction) {
		this.container.work.begin(interaction.id);
	}
}
