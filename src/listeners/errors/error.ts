import { type Events, Listener } from '@sapphire/framework';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';

export class UserListener extends Listener<typeof Events.Error> {
	public run(error: Error) {
		return reportError(error, null, { event: this.name }, errorReporter(this.container.logger));
	}
}
