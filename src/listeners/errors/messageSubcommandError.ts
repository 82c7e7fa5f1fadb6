import { Listener } from '@sapphire/framework';
import { type SubcommandPluginEvents, type MessageSubcommandErrorPayload } from '@sapphire/plugin-subcommands';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof SubcommandPluginEvents.MessageSubcommandError> {
	public run(error: unknown, { message, command }: MessageSubcommandErrorPayload) {
		return reportError(error, message, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
