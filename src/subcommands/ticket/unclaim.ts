import { unclaim as unclaimTicket } from '../../lib/tickets/claim.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const unclaim = ticketSubcommand({
	name: 'unclaim',
	description: 'Release this ticket for another staff member',
	useCase: unclaimTicket,
	input: () => undefined
});
