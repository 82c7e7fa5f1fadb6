import type { Subcommand } from '@sapphire/plugin-subcommands';
import { DefinedCommand } from '../lib/chat/DefinedCommand.js';
import type { SubcommandDefinition } from '../lib/chat/subcommand.js';
import { events } from '../subcommands/security/events.js';
import { lockdown, unlockdown } from '../subcommands/security/lockdown.js';
import { status } from '../subcommands/security/status.js';
import { webhook } from '../subcommands/security/webhook.js';

const SUBCOMMANDS: SubcommandDefinition[] = [status, events, lockdown, unlockdown, webhook];

/** /security and !security: anti-raid and anti-spam state, security events, lockdown (admins). */
export class SecurityCommand extends DefinedCommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, { name: 'security', description: 'Security of the ticket system', subcommands: SUBCOMMANDS });
	}
}
