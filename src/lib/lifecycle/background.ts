import type { Client } from 'discord.js';
import type { WorkTracker } from './WorkTracker.js';

/**
 * What a service that works after the answer needs: the work tracker (shutdown waits for it), a log for
 * what fails, and this process's Discord client, read on each call (it exists once the bot has started).
 */
export interface BackgroundServices {
	readonly work: WorkTracker;
	readonly logger: {
		warn(message: string, fields?: object): void;
		error(message: string, fields?: object): void;
	};
	readonly discord: () => Client;
}
