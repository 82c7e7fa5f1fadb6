import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { runDueWork } from '../lib/scheduling/dueWork.js';

/** Work on a ticket is due (BullMQ, with Redis): a queued rename, a close request's deadline, a scheduled close. The name is the job's first use, kept so jobs queued before stay runnable. */
export class TicketCloseTask extends ScheduledTask<'ticketClose'> {
	public constructor(context: ScheduledTask.LoaderContext) {
		super(context, { name: 'ticketClose' });
	}

	public async run({ guildId, ticketId }: { guildId: string; ticketId: number }) {
		await this.container.work.run(() => runDueWork(this.container, guildId, ticketId));
	}
}
