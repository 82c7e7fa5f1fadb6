import { addParticipant, removeParticipant } from '../../lib/tickets/operations.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const adduser = ticketSubcommand(
	'adduser',
	'Give a member access to this ticket',
	[{ name: 'member', type: 'user', description: 'Who', required: true }],
	(context, command) => addParticipant(context, command.options.user('member')!)
);

export const removeuser = ticketSubcommand(
	'removeuser',
	'Take a member’s access to this ticket',
	[{ name: 'member', type: 'user', description: 'Who', required: true }],
	(context, command) => removeParticipant(context, command.options.user('member')!)
);
