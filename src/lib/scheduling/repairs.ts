import { repairCreations, type CreationRepair } from '../tickets/creationRepair.js';
import { repairEffects, type EffectRepair } from '../tickets/effectRepair.js';
import type { SchedulingServices } from './services.js';

const creationLine = (repair: CreationRepair) =>
	repair.outcome === 'opened'
		? `Opened ticket #${repair.number}, whose creation stopped with the bot after its welcome`
		: `Removed ticket #${repair.number}, whose creation stopped with the bot${repair.channelId ? ', and its channel' : ''}`;

const effectLine = (repair: EffectRepair) =>
	`Finished in Discord what ticket #${repair.number} recorded before the bot stopped (${repair.actions.join(', ')})`;

/**
 * Finishes or undoes the ticket creations and changes a stopped process left half-done in this process's
 * guilds (at start-up, and with every sweep, for a process that died while another kept running), one log
 * line each.
 */
export async function repairInterruptedWork(services: SchedulingServices): Promise<number> {
	const guildIds = [...services.client.guilds.cache.keys()];
	const creations = await repairCreations(services.ticketServices, guildIds);
	for (const repair of creations)
		services.logger.info(creationLine(repair), { guildId: repair.guildId, channelId: repair.channelId });
	const effects = await repairEffects(services.ticketServices, guildIds);
	for (const repair of effects) services.logger.info(effectLine(repair), { guildId: repair.guildId, ticketId: repair.ticketId });
	return creations.length + effects.length;
}
