import { transfer as transferTicket } from '../../lib/tickets/participants.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const transfer = ticketSubcommand({
	name: 'transfer',
	description: 'Make another member the owner',
	options: [{ name: 'member', type: 'user', description: 'The new owner', required: true }],
	useCase: transferTicket,
	input: (options) => ({ userId: options.user('member')!.id })
});
