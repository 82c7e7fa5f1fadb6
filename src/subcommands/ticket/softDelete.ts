import { softDeleteTicket } from '../../lib/tickets/deletion.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const softDelete = ticketSubcommand(
	'softdelete',
	'Hide this ticket from lists and analytics and archive its channel (admins)',
	[{ name: 'restore', type: 'boolean', description: 'Undo an earlier soft delete' }],
	(context, command) => softDeleteTicket(context, command.options.boolean('restore') ?? false),
	{ preconditions: ['AdminOnly'] }
);
