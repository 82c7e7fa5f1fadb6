import { Events } from 'discord.js';
import type { SchedulingServices } from './services.js';

/**
 * Resolves once the client is ready (at once when it is): a job a starting process picks up before it
 * has logged in waits for it instead of failing on Discord.
 */
export function whenReady(client: SchedulingServices['client']): Promise<void> {
	if (client.isReady()) return Promise.resolve();
	return new Promise((resolve) => client.once(Events.ClientReady, () => resolve()));
}
