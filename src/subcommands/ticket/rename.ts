import { container } from '@sapphire/framework';
import { renameTicket } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const rename = ticketSubcommand(
	'rename',
	'Rename this ticket’s channel',
	[{ name: 'new_name', type: 'string', description: 'The new name', required: true, maxLength: 100 }],
	(context, command) => renameTicket(context, container.cache, command.options.string('new_name')!)
);
