import { PRIORITIES, type Priority } from '../../lib/model/priorities.js';
import { setPriority } from '../../lib/tickets/priority.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const priority = ticketSubcommand({
	name: 'priority',
	description: 'Set the priority',
	options: [{ name: 'level', type: 'string', description: 'How urgent', required: true, choices: PRIORITIES }],
	useCase: setPriority,
	input: (options) => ({ priority: options.string('level') as Priority })
});
