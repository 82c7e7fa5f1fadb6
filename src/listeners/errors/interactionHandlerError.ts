import { type Events, Listener, type InteractionHandlerError } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.InteractionHandlerError> {
	public run(error: unknown, { interaction, handler }: InteractionHandlerError) {
		return reportError(error, interaction, { event: this.name, piece: handler.name }, errorReporter(this.container.logger));
	}
}
