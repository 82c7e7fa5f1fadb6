import { reopenTicket } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const reopen = ticketSubcommand('reopen', 'Reopen this closed ticket', [], (context) => reopenTicket(context));
