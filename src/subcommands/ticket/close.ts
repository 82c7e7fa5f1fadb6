import { close as closeTicket } from '../../lib/tickets/close.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const close = ticketSubcommand({
	name: 'close',
	description: 'Close this ticket',
	options: [{ name: 'reason', type: 'string', description: 'Why (shown in the ticket)', required: true, maxLength: 500 }],
	useCase: closeTicket,
	input: (options) => ({ reason: options.string('reason') })
});
