import { repairCreations, type CreationRepair } from '../tickets/creationRepair.js';
import type { SchedulingServices } from './services.js';

const line = (repair: CreationRepair) =>
	repair.outcome === 'opened'
		? `Opened ticket #${repair.number}, whose creation stopped with the bot after its welcome`
		: `Removed ticket #${repair.number}, whose creation stopped with the bot${repair.channelId ? ', and its channel' : ''}`;

/**
 * Finishes or undoes the ticket creations a stopped process left half-done in this process's guilds (at
 * start-up, and with every sweep, for a process that died while another kept running), one log line each.
 */
export async function repairInterruptedCreations(services: SchedulingServices): Promise<number> {
	const repairs = await repairCreations(services.ticketServices, [...services.client.guilds.cache.keys()]);
	for (const repair of repairs) services.logger.info(line(repair), { guildId: repair.guildId, channelId: repair.channelId });
	return repairs.length;
}
