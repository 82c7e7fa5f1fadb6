import { PRIORITIES, type Priority } from '../../lib/config/schema.js';
import { setPriority } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const priority = ticketSubcommand(
	'priority',
	'Set the priority',
	[{ name: 'level', type: 'string', description: 'How urgent', required: true, choices: PRIORITIES }],
	(context, command) => setPriority(context, command.options.string('level') as Priority)
);
