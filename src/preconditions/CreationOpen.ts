import { CreationPrecondition } from '../lib/chat/creationPrecondition.js';

/** Ticket creation is not paused guild-wide (lockdown). */
export class UserPrecondition extends CreationPrecondition {
	protected readonly checks = ['lockdown'] as const;
}
