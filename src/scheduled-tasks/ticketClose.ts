import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { runScheduledClose } from '../lib/scheduling/scheduledClose.js';

/** A ticket's scheduled close is due (BullMQ, with Redis). */
export class TicketCloseTask extends ScheduledTask<'ticketClose'> {
	public constructor(context: ScheduledTask.LoaderContext) {
		super(context, { name: 'ticketClose' });
	}

	public async run({ guildId, ticketId }: { guildId: string; ticketId: number }) {
		await this.container.work.run(() => runScheduledClose(this.container, guildId, ticketId));
	}
}
