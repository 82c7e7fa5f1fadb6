import { claim as claimTicket } from '../../lib/tickets/claim.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const claim = ticketSubcommand({
	name: 'claim',
	description: 'Take this ticket: you handle it',
	useCase: claimTicket,
	input: () => undefined
});
