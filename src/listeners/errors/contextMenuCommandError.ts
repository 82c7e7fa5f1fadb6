import { type Events, Listener, type ContextMenuCommandErrorPayload } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.ContextMenuCommandError> {
	public run(error: unknown, { interaction, command }: ContextMenuCommandErrorPayload) {
		return reportError(error, interaction, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
