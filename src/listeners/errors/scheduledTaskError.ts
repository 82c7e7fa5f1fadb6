import { Listener } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

// Emitted by the scheduled-tasks plugin, which is registered only with Redis; its name is written out so
// that this file does not load the plugin.
export class UserListener extends Listener {
	public run(error: unknown, task: string) {
		return reportError(error, null, { event: this.name, piece: task }, errorReporter(this.container.logger));
	}
}
