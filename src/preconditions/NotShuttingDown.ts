import { AllFlowsPrecondition } from '@sapphire/framework';
import { preconditionError } from '../lib/errors/classifyError.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { notice } from '../lib/i18n/notice.js';

/** Global: once shutdown has begun, new commands are refused with a "try again in a few seconds". */
export class UserPrecondition extends AllFlowsPrecondition {
	public constructor(context: AllFlowsPrecondition.LoaderContext) {
		super(context, { position: 0 });
	}

	public override chatInputRun() {
		return this.check();
	}

	public override contextMenuRun() {
		return this.check();
	}

	public override messageRun() {
		return this.check();
	}

	private check() {
		return this.container.work.accepting ? this.ok() : this.error(preconditionError(notice(LanguageKeys.Errors.ShuttingDown)));
	}
}
