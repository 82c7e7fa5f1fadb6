import type { PreconditionEntryResolvable } from '@sapphire/framework';
import type { CommandContext } from './context.js';
import type { OptionSpec } from './options.js';
import type { SubcommandDefinition } from './subcommand.js';
import { operationContext } from '../tickets/operationContext.js';
import type { OperationContext, OperationResult } from '../tickets/operations.js';

export interface TicketSubcommandSettings {
	/** Only the caller sees the answer (notes). */
	private?: boolean;
	/** Who may run it; by default the ticket's staff (the TicketStaff precondition). */
	preconditions?: readonly PreconditionEntryResolvable[];
}

/**
 * A /ticket subcommand run inside a ticket's channel: the operation's answer is posted in the ticket
 * for everyone there, unless it is private (notes).
 */
export function ticketSubcommand(
	name: string,
	description: string,
	options: readonly OptionSpec[],
	operation: (context: OperationContext, command: CommandContext) => Promise<OperationResult>,
	settings: TicketSubcommandSettings = {}
): SubcommandDefinition {
	return {
		name,
		description,
		options,
		preconditions: settings.preconditions ?? ['TicketStaff'],
		async run(command) {
			const result = await operation(operationContext(command.guild.id, command.member, command.channel, command.t), command);
			await command.reply({
				content: result.content,
				components: result.components ?? [],
				ephemeral: settings.private ?? false,
				...(result.pingRoles ? { pingRoles: result.pingRoles } : {})
			});
		}
	};
}
