import type { Notice } from '../i18n/notice.js';

/**
 * Discord refused or failed a call the bot made (a missing permission, a channel gone, an outage). The
 * notice says what Discord said, in words an admin can act on; the operation that made the call decides
 * what it means (undo its change and say nothing was changed, or carry on).
 */
export class DiscordFailure extends Error {
	public override readonly name = 'DiscordFailure';

	public constructor(
		public readonly notice: Notice,
		public override readonly cause: unknown,
		/** Discord asked the bot to wait (a rename limit): worth telling apart from a refusal. */
		public readonly rateLimited = false,
		/** Discord refused for a permission the bot lacks (null: no access at all), where: the admins' to fix. */
		public readonly missing?: { permission: string | null; where: string },
		/** How long Discord asked the bot to wait, for a rate limit. */
		public readonly retryAfterMs?: number
	) {
		super(`Discord failure: ${notice.key}`);
	}
}
