import { Events, Listener } from '@sapphire/framework';
import type { Client } from 'discord.js';
import { serveQueues } from '../../lib/chat/queue.js';
import { finishPurges } from '../../lib/tickets/hardDelete.js';

export class UserListener extends Listener<typeof Events.ClientReady> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.ClientReady, once: true });
	}

	public async run(client: Client<true>) {
		const { stores } = this.container;
		// Everything overdue closes now, the rest is armed (the guilds must be known first), and creations a
		// stopped process left half-done are finished or undone.
		await this.container.ticketScheduler.start(this.container);
		// Messages sent in tickets while the bot was down are archived first; then the transcripts of tickets
		// closed while the bot was stopping or down, which need them.
		void this.container.archive
			.catchUp([...client.guilds.cache.keys()])
			.then((count) => count > 0 && this.container.logger.info(`Archived ${count} ticket message(s) sent while the bot was away`))
			.catch((error: unknown) =>
				this.container.logger.error('Could not archive the messages sent while the bot was away', { error })
			)
			.finally(() => void this.container.transcripts.catchUp());
		// Webhook deliveries waiting in the outbox, and every new one.
		void this.container.webhooks
			.start()
			.catch((error: unknown) => this.container.logger.error('Could not start the webhook sender', { error }));
		// Members who waited in a full server's queue while the bot was down, if channels were freed meanwhile.
		void this.container.work
			.run(() => serveQueues(this.container, client.guilds.cache))
			.catch((error: unknown) => this.container.logger.error('Could not serve the ticket queues', { error }));
		// Hard deletes the bot marked but could not finish (it stopped, or Discord failed in between).
		void this.container.work
			.run(() => finishPurges(this.container.ticketServices, [...client.guilds.cache.keys()]))
			.then((count) => count > 0 && this.container.logger.info(`Finished ${count} interrupted hard delete(s)`))
			.catch((error: unknown) => this.container.logger.error('Could not finish interrupted hard deletes', { error }));
		this.container.logger.info(
			`Logged in as ${client.user.tag} in ${client.guilds.cache.size} guild(s); ${stores.get('commands').size} command(s), ${stores.get('listeners').size} listener(s) loaded`
		);
	}
}
