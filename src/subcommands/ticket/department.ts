import { routeToDepartment } from '../../lib/tickets/department.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const department = ticketSubcommand({
	name: 'department',
	description: 'Route the ticket to a department',
	options: [{ name: 'name', type: 'string', description: 'The department', required: true, maxLength: 32 }],
	useCase: routeToDepartment,
	input: (options) => ({ name: options.string('name')! })
});
