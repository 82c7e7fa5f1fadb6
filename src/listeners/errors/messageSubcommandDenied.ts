import { Listener } from '@sapphire/framework';
import { type SubcommandPluginEvents, type MessageSubcommandDeniedPayload } from '@sapphire/plugin-subcommands';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof SubcommandPluginEvents.MessageSubcommandDenied> {
	public run(error: unknown, { message, command }: MessageSubcommandDeniedPayload) {
		return reportError(error, message, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
