import { confirmHardDelete } from '../../lib/tickets/deletion.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';

/** Asks for a confirmation click (see interaction-handlers/buttons/purgeTicket.ts): nothing is deleted yet. */
export const hardDelete = ticketSubcommand(
	'harddelete',
	'Delete this ticket and purge what it stored, after a confirmation (admins)',
	[],
	(context) => confirmHardDelete(context),
	{ private: true, preconditions: ['AdminOnly'] }
);
