import { escalate as escalateTicket, MAX_ESCALATION_LEVEL } from '../../lib/tickets/escalate.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const escalate = ticketSubcommand({
	name: 'escalate',
	description: 'Raise the escalation level and ping its role',
	options: [{ name: 'level', type: 'integer', description: 'The new level', required: true, min: 1, max: MAX_ESCALATION_LEVEL }],
	useCase: escalateTicket,
	input: (options) => ({ level: options.integer('level')! })
});
