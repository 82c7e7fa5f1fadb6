import { routeToDepartment } from '../../lib/tickets/routing.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const department = ticketSubcommand(
	'department',
	'Route the ticket to a department',
	[{ name: 'name', type: 'string', description: 'The department', required: true, maxLength: 32 }],
	(context, command) => routeToDepartment(context, command.options.string('name')!)
);
