import { scheduleClose as schedule } from '../../lib/tickets/scheduleClose.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const scheduleClose = ticketSubcommand({
	name: 'scheduleclose',
	description: 'Close this ticket after a delay (0 cancels)',
	options: [
		{ name: 'minutes', type: 'integer', description: 'In how many minutes (0: cancel)', required: true, min: 0, max: 10_080 },
		{ name: 'reason', type: 'string', description: 'Why (shown when it closes)', maxLength: 500 }
	],
	useCase: schedule,
	input: (options) => ({ minutes: options.integer('minutes')!, reason: options.string('reason') })
});
