import { requestClose } from '../../lib/tickets/closeRequest.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const closeRequest = ticketSubcommand({
	name: 'closerequest',
	description: 'Ask the opener whether this ticket can be closed',
	options: [
		{
			name: 'reason',
			type: 'string',
			description: 'Why (shown to the opener and kept with the close)',
			maxLength: 500,
			rest: false
		},
		{
			name: 'hours',
			type: 'integer',
			description: 'Close by itself if the opener does not answer in this many hours',
			min: 1,
			max: 720
		}
	],
	useCase: requestClose,
	input: (options) => ({ reason: options.string('reason'), hours: options.integer('hours') })
});
