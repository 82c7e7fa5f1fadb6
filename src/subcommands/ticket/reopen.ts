import { reopen as reopenTicket } from '../../lib/tickets/lock.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const reopen = ticketSubcommand({
	name: 'reopen',
	description: 'Reopen this closed ticket',
	useCase: reopenTicket,
	input: () => undefined
});
