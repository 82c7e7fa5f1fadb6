import { addNote } from '../../lib/tickets/note.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const note = ticketSubcommand({
	name: 'note',
	description: 'Add an internal note (staff only)',
	options: [{ name: 'text', type: 'string', description: 'The note', required: true, maxLength: 2000 }],
	useCase: addNote,
	input: (options) => ({ text: options.string('text')! })
});
