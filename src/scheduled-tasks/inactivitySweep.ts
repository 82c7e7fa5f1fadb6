import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { sweepInactiveTickets } from '../lib/scheduling/inactivity.js';

/** Warns, then closes, tickets whose opener went silent (every few minutes, BullMQ with Redis). */
export class InactivitySweepTask extends ScheduledTask<'inactivitySweep'> {
	public constructor(context: ScheduledTask.LoaderContext) {
		super(context, { name: 'inactivitySweep' });
	}

	public async run() {
		await this.container.work.run(() => sweepInactiveTickets(this.container));
	}
}
