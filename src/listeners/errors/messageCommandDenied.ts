import { type Events, Listener, type MessageCommandDeniedPayload } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.MessageCommandDenied> {
	public run(error: unknown, { message, command }: MessageCommandDeniedPayload) {
		return reportError(error, message, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
