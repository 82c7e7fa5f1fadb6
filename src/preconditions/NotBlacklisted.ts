import { CreationPrecondition } from '../lib/preconditions/creationPrecondition.js';

/** The member is not blacklisted from opening tickets. */
export class UserPrecondition extends CreationPrecondition {
	protected readonly checks = ['blacklisted'] as const;
}
