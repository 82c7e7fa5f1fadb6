import { Listener } from '@sapphire/framework';
import { type SubcommandPluginEvents, type ChatInputSubcommandDeniedPayload } from '@sapphire/plugin-subcommands';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof SubcommandPluginEvents.ChatInputSubcommandDenied> {
	public run(error: unknown, { interaction, command }: ChatInputSubcommandDeniedPayload) {
		return reportError(error, interaction, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
