import { Subcommand } from '@sapphire/plugin-subcommands';
import { optionNames } from '../lib/commands/options.js';
import { buildSlashCommand, subcommandMappings, type SubcommandDefinition } from '../lib/commands/subcommand.js';
import { create } from '../subcommands/ticket/create.js';

const SUBCOMMANDS: SubcommandDefinition[] = [create];

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
