import { closeTicket } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const close = ticketSubcommand(
	'close',
	'Close this ticket',
	[{ name: 'reason', type: 'string', description: 'Why (shown in the ticket)', required: true, maxLength: 500 }],
	(context, command) => closeTicket(context, command.options.string('reason')),
	// Staff, and the opener where the guild allows it: closeTicket decides.
	{ preconditions: [] }
);
