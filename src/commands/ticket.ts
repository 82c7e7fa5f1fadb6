import { Subcommand } from '@sapphire/plugin-subcommands';
import { optionNames } from '../lib/commands/options.js';
import { buildSlashCommand, subcommandMappings, type SubcommandDefinition } from '../lib/commands/subcommand.js';
import { claim } from '../subcommands/ticket/claim.js';
import { close } from '../subcommands/ticket/close.js';
import { create } from '../subcommands/ticket/create.js';
import { unclaim } from '../subcommands/ticket/unclaim.js';

const SUBCOMMANDS: SubcommandDefinition[] = [create, claim, unclaim, close];

/** /ticket and !ticket: opening and working tickets. */
export class TicketCommand extends Subcommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, {
			name: 'ticket',
			description: 'Support tickets',
			preconditions: ['GuildOnly'],
			options: optionNames(SUBCOMMANDS.flatMap((subcommand) => subcommand.options ?? [])),
			subcommands: subcommandMappings(SUBCOMMANDS)
		});
	}

	public override registerApplicationCommands(registry: Subcommand.Registry) {
		registry.registerChatInputCommand((builder) => buildSlashCommand(builder, 'ticket', 'Support tickets', SUBCOMMANDS));
	}
}
