import { rename as renameTicket } from '../../lib/tickets/rename.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const rename = ticketSubcommand({
	name: 'rename',
	description: 'Rename this ticket’s channel',
	options: [{ name: 'new_name', type: 'string', description: 'The new name', required: true, maxLength: 100 }],
	useCase: renameTicket,
	input: (options) => ({ name: options.string('new_name')! })
});
