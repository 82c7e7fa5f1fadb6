import type { GuildMember } from 'discord.js';
import { callerIsGuildStaff } from '../lib/chat/caller.js';
import { MemberPrecondition } from '../lib/chat/memberPrecondition.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { notice } from '../lib/i18n/notice.js';

/** Guild-wide staff commands (analytics): admins, support roles, or the staff roles of any category or department. */
export class UserPrecondition extends MemberPrecondition {
	protected async check(member: GuildMember) {
		return (await callerIsGuildStaff(this.container, member)) ? null : notice(LanguageKeys.Analytics.StaffOnly);
	}
}
