import { Listener } from '@sapphire/framework';
import { type SubcommandPluginEvents, type ChatInputSubcommandErrorPayload } from '@sapphire/plugin-subcommands';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof SubcommandPluginEvents.ChatInputSubcommandError> {
	public run(error: unknown, { interaction, command }: ChatInputSubcommandErrorPayload) {
		return reportError(error, interaction, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
