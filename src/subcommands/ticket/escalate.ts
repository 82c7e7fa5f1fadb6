import { escalateTicket, MAX_ESCALATION_LEVEL } from '../../lib/tickets/routing.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const escalate = ticketSubcommand(
	'escalate',
	'Raise the escalation level and ping its role',
	[{ name: 'level', type: 'integer', description: 'The new level', required: true, min: 1, max: MAX_ESCALATION_LEVEL }],
	(context, command) => escalateTicket(context, command.options.integer('level')!)
);
