import { type Events, Listener, type ChatInputCommandDeniedPayload } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.ChatInputCommandDenied> {
	public run(error: unknown, { interaction, command }: ChatInputCommandDeniedPayload) {
		return reportError(error, interaction, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
