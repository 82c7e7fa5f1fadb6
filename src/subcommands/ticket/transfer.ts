import { transferTicket } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const transfer = ticketSubcommand(
	'transfer',
	'Make another member the owner',
	[{ name: 'member', type: 'user', description: 'The new owner', required: true }],
	(context, command) => transferTicket(context, command.options.user('member')!)
);
