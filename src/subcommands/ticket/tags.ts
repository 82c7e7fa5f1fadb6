import { parseTags } from '../../lib/categories/parse.js';
import { setTags } from '../../lib/tickets/tags.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const tags = ticketSubcommand({
	name: 'tags',
	description: 'Replace the tags (comma-separated)',
	options: [{ name: 'tags', type: 'string', description: 'e.g. refund, urgent', required: true, maxLength: 400 }],
	useCase: setTags,
	input: (options) => ({ tags: parseTags(options.string('tags')!) })
});
