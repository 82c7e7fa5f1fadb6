import { CreationPrecondition } from '../lib/chat/creationPrecondition.js';

/** The member's cooldown since their last ticket is over, and they are under the hourly limit. */
export class UserPrecondition extends CreationPrecondition {
	protected readonly checks = ['cooldown'] as const;
}
