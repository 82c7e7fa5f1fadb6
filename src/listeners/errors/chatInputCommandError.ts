import { type Events, Listener, type ChatInputCommandErrorPayload } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.ChatInputCommandError> {
	public run(error: unknown, { interaction, command }: ChatInputCommandErrorPayload) {
		return reportError(error, interaction, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
