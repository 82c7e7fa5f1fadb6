import { claimTicket } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const claim = ticketSubcommand('claim', 'Take this ticket: you handle it', [], (context) => claimTicket(context));
