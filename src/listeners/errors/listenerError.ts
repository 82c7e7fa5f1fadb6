import { type Events, Listener, type ListenerErrorPayload } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.ListenerError> {
	public run(error: unknown, { piece }: ListenerErrorPayload) {
		return reportError(error, null, { event: this.name, piece: piece.name }, errorReporter(this.container.logger));
	}
}
