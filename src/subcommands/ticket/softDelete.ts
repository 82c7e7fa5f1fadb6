import { softDelete as softDeleteTicket } from '../../lib/tickets/softDelete.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const softDelete = ticketSubcommand({
	name: 'softdelete',
	description: 'Hide this ticket from lists and analytics and archive its channel (admins)',
	options: [{ name: 'restore', type: 'boolean', description: 'Undo an earlier soft delete' }],
	useCase: softDeleteTicket,
	input: (options) => ({ restore: options.boolean('restore') ?? false })
});
