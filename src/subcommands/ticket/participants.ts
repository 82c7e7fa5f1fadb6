import { addUser, removeUser } from '../../lib/tickets/participants.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

const member = [{ name: 'member', type: 'user', description: 'Who', required: true }] as const;

export const adduser = ticketSubcommand({
	name: 'adduser',
	description: 'Give a member access to this ticket',
	options: member,
	useCase: addUser,
	input: (options) => ({ userId: options.user('member')!.id })
});

export const removeuser = ticketSubcommand({
	name: 'removeuser',
	description: 'Take a member’s access to this ticket',
	options: member,
	useCase: removeUser,
	input: (options) => ({ userId: options.user('member')!.id })
});
