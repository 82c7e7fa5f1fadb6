import { lockTicket } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const lock = ticketSubcommand('lock', 'Opener and participants can read but not write', [], (context) =>
	lockTicket(context, true)
);
export const unlock = ticketSubcommand('unlock', 'Opener and participants can write again', [], (context) =>
	lockTicket(context, false)
);
