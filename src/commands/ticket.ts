import type { Subcommand } from '@sapphire/plugin-subcommands';
import { DefinedCommand } from '../lib/chat/DefinedCommand.js';
import type { SubcommandDefinition } from '../lib/chat/subcommand.js';
import { claim } from '../subcommands/ticket/claim.js';
import { close } from '../subcommands/ticket/close.js';
import { closeRequest } from '../subcommands/ticket/closeRequest.js';
import { create } from '../subcommands/ticket/create.js';
import { department } from '../subcommands/ticket/department.js';
import { escalate } from '../subcommands/ticket/escalate.js';
import { feedback } from '../subcommands/ticket/feedback.js';
import { forceClose } from '../subcommands/ticket/forceClose.js';
import { hardDelete } from '../subcommands/ticket/hardDelete.js';
import { info } from '../subcommands/ticket/info.js';
import { list } from '../subcommands/ticket/list.js';
import { lock, unlock } from '../subcommands/ticket/lock.js';
import { note } from '../subcommands/ticket/note.js';
import { adduser, removeuser } from '../subcommands/ticket/participants.js';
import { priority } from '../subcommands/ticket/priority.js';
import { rename } from '../subcommands/ticket/rename.js';
import { reopen } from '../subcommands/ticket/reopen.js';
import { scheduleClose } from '../subcommands/ticket/scheduleClose.js';
import { softDelete } from '../subcommands/ticket/softDelete.js';
import { tags } from '../subcommands/ticket/tags.js';
import { transcript } from '../subcommands/ticket/transcript.js';
import { transfer } from '../subcommands/ticket/transfer.js';
import { unclaim } from '../subcommands/ticket/unclaim.js';

const SUBCOMMANDS: SubcommandDefinition[] = [
	create,
	claim,
	unclaim,
	lock,
	unlock,
	close,
	closeRequest,
	reopen,
	rename,
	transfer,
	adduser,
	removeuser,
	priority,
	tags,
	note,
	escalate,
	department,
	info,
	list,
	transcript,
	scheduleClose,
	feedback,
	forceClose,
	softDelete,
	hardDelete
];

/** /ticket and !ticket: opening and working tickets. */
export class TicketCommand extends DefinedCommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, { name: 'ticket', description: 'Support tickets', subcommands: SUBCOMMANDS });
	}
}
