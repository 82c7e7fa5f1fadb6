import { Events, Listener } from '@sapphire/framework';
import type { Client } from 'discord.js';

export class UserListener extends Listener<typeof Events.ClientReady> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.ClientReady, once: true });
	}

	public async run(client: Client<true>) {
		const { stores } = this.container;
		// Everything overdue closes now; the rest is armed (the guilds must be known first).
		await this.container.closeScheduler.start();
		// Transcripts of tickets closed while the bot was stopping or down.
		void this.container.transcripts.catchUp();
		this.container.logger.info(
			`Logged in as ${client.user.tag} in ${client.guilds.cache.size} guild(s); ${stores.get('commands').size} command(s), ${stores.get('listeners').size} listener(s) loaded`
		);
	}
}
