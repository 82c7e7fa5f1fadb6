import { Subcommand } from '@sapphire/plugin-subcommands';
import { optionNames } from '../lib/commands/options.js';
import { buildSlashCommand, subcommandMappings, type SubcommandDefinition } from '../lib/commands/subcommand.js';
import { events } from '../subcommands/security/events.js';
import { lockdown, unlockdown } from '../subcommands/security/lockdown.js';
import { status } from '../subcommands/security/status.js';
import { webhook } from '../subcommands/security/webhook.js';

const SUBCOMMANDS: SubcommandDefinition[] = [status, events, lockdown, unlockdown, webhook];

/** /security and !security: anti-raid and anti-spam state, security events, lockdown (admins). */
export class SecurityCommand extends Subcommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, {
			name: 'security',
			description: 'Security of the ticket system',
			preconditions: ['GuildOnly'],
			options: optionNames(SUBCOMMANDS.flatMap((subcommand) => subcommand.options ?? [])),
			subcommands: subcommandMappings(SUBCOMMANDS)
		});
	}

	public override registerApplicationCommands(registry: Subcommand.Registry) {
		registry.registerChatInputCommand((builder) =>
			buildSlashCommand(builder, 'security', 'Security of the ticket system', SUBCOMMANDS)
		);
	}
}
