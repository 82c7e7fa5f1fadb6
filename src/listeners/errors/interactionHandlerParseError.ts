import { type Events, Listener, type InteractionHandlerParseError } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.InteractionHandlerParseError> {
	public run(error: unknown, { interaction, handler }: InteractionHandlerParseError) {
		return reportError(error, interaction, { event: this.name, piece: handler.name }, errorReporter(this.container.logger));
	}
}
