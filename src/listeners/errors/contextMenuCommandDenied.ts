import { type Events, Listener, type ContextMenuCommandDeniedPayload } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.ContextMenuCommandDenied> {
	public run(error: unknown, { interaction, command }: ContextMenuCommandDeniedPayload) {
		return reportError(error, interaction, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
