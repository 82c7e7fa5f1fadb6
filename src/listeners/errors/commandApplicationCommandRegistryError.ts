import { type Events, Listener, type Command } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.CommandApplicationCommandRegistryError> {
	public run(error: unknown, command: Command) {
		return reportError(error, null, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
