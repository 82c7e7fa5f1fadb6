import { addNote } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const note = ticketSubcommand(
	'note',
	'Add an internal note (staff only)',
	[{ name: 'text', type: 'string', description: 'The note', required: true, maxLength: 2000 }],
	(context, command) => addNote(context, command.options.string('text')!),
	{ private: true }
);
