import { forceClose as forceCloseTicket } from '../../lib/tickets/close.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const forceClose = ticketSubcommand({
	name: 'forceclose',
	description: 'Close this ticket whatever its state (admins)',
	options: [
		{ name: 'delete_channel', type: 'boolean', description: 'Delete the channel now', required: true },
		{ name: 'reason', type: 'string', description: 'Why', required: true, maxLength: 500 }
	],
	useCase: forceCloseTicket,
	input: (options) => ({ deleteChannel: options.boolean('delete_channel')!, reason: options.string('reason')! })
});
