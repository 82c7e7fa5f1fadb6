import { rate } from '../../lib/tickets/feedback.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const feedback = ticketSubcommand({
	name: 'feedback',
	description: 'Rate this closed ticket (its opener only)',
	options: [
		{ name: 'stars', type: 'integer', description: '1 to 5', required: true, min: 1, max: 5 },
		{ name: 'message', type: 'string', description: 'Anything to add', maxLength: 1000 }
	],
	useCase: rate,
	input: (options) => ({ stars: options.integer('stars')!, message: options.string('message') })
});
