import { CreationPrecondition } from '../lib/chat/creationPrecondition.js';

/** The member is not blacklisted from opening tickets. */
export class UserPrecondition extends CreationPrecondition {
	protected readonly checks = ['blacklisted'] as const;
}
