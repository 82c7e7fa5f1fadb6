import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { sweep } from '../lib/scheduling/TicketScheduler.js';

/**
 * Warns, then closes, tickets whose opener went silent, and repairs interrupted creations (every few
 * minutes, BullMQ with Redis).
 */
export class InactivitySweepTask extends ScheduledTask<'inactivitySweep'> {
	public constructor(context: ScheduledTask.LoaderContext) {
		super(context, { name: 'inactivitySweep' });
	}

	public async run() {
		await sweep(this.container);
	}
}
