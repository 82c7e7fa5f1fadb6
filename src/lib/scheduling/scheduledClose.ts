import type { SchedulingServices } from './services.js';
import { whenReady } from './ready.js';
import { RETRY_CLOSE_MS, runSystemClose } from './systemClose.js';

/**
 * Closes a ticket whose scheduled close is due. Safe to run any number of times, from any process:
 * the database decides (status open and the due time reached), so a ticket closes once, a cancelled or
 * postponed schedule does nothing, and a manual close that came first wins. When Discord refuses the
 * close, nothing changed and the close is armed again for a few minutes later.
 */
export async function runScheduledClose(
	services: SchedulingServices,
	guildId: string,
	ticketId: number,
	now = new Date()
): Promise<boolean> {
	await whenReady(services.client);
	try {
		return await runSystemClose(services, guildId, ticketId, { kind: 'scheduled', now });
	} catch (error) {
		services.logger.warn('A scheduled close failed; trying again later', { guildId, ticketId, error });
		await services.closeScheduler.schedule(guildId, ticketId, new Date(Date.now() + RETRY_CLOSE_MS));
		return false;
	}
}
