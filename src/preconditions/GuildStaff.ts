import type { GuildMember } from 'discord.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { notice } from '../lib/i18n/notice.js';
import { isGuildStaff } from '../lib/permissions/roles.js';
import { MemberPrecondition } from '../lib/chat/memberPrecondition.js';

/** Guild-wide staff commands (analytics): admins, support roles, or the staff roles of any category or department. */
export class UserPrecondition extends MemberPrecondition {
	protected async check(member: GuildMember) {
		if (await isGuildStaff(this.container.db.forGuild(member.guild.id), member)) return null;
		return notice(LanguageKeys.Analytics.StaffOnly);
	}
}
