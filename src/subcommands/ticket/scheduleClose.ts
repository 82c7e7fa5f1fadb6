import { container } from '@sapphire/framework';
import { scheduleClose as schedule } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const scheduleClose = ticketSubcommand(
	'scheduleclose',
	'Close this ticket after a delay (0 cancels)',
	[
		{ name: 'minutes', type: 'integer', description: 'In how many minutes (0: cancel)', required: true, min: 0, max: 10_080 },
		{ name: 'reason', type: 'string', description: 'Why (shown when it closes)', maxLength: 500 }
	],
	(context, command) =>
		schedule(context, container.closeScheduler, command.options.integer('minutes')!, command.options.string('reason'))
);
