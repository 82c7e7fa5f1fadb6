import { type Events, Listener } from '@sapphire/framework';
import type { ChatInputCommandInteraction } from 'discord.js';

export class UserListener extends Listener<typeof Events.ChatInputCommandFinish> {
	public run(interaction: ChatInputCommandInteraction) {
		this.container.work.end(interaction.id);
	}
}
