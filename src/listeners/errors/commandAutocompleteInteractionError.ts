import { type Events, Listener, type AutocompleteInteractionPayload } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.CommandAutocompleteInteractionError> {
	public run(error: unknown, { command }: AutocompleteInteractionPayload) {
		return reportError(error, null, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
