import { parseTags } from '../../lib/categories/parse.js';
import { setTags } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const tags = ticketSubcommand(
	'tags',
	'Replace the tags (comma-separated)',
	[{ name: 'tags', type: 'string', description: 'e.g. refund, urgent', required: true, maxLength: 400 }],
	(context, command) => setTags(context, parseTags(command.options.string('tags')!))
);
