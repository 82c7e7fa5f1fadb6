import { lock as lockTicket } from '../../lib/tickets/lock.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

export const lock = ticketSubcommand({
	name: 'lock',
	description: 'Opener and participants can read but not write',
	useCase: lockTicket,
	input: () => ({ lock: true })
});

export const unlock = ticketSubcommand({
	name: 'unlock',
	description: 'Opener and participants can write again',
	useCase: lockTicket,
	input: () => ({ lock: false })
});
