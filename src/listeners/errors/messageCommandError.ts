import { type Events, Listener, type MessageCommandErrorPayload } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.MessageCommandError> {
	public run(error: unknown, { message, command }: MessageCommandErrorPayload) {
		return reportError(error, message, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
