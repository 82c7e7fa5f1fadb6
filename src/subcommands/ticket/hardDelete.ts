import { confirmHardDelete } from '../../lib/tickets/hardDelete.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

/** Asks for a confirmation click (see interaction-handlers/buttons/purgeTicket.ts): nothing is deleted yet. */
export const hardDelete = ticketSubcommand({
	name: 'harddelete',
	description: 'Delete this ticket and purge what it stored, after a confirmation (admins)',
	useCase: confirmHardDelete,
	input: () => undefined
});
