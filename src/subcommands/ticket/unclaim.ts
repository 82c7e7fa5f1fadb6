import { unclaimTicket } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const unclaim = ticketSubcommand('unclaim', 'Release this ticket for another staff member', [], (context) =>
	unclaimTicket(context)
);
