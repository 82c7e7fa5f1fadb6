import type { GuildMember } from 'discord.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { isGuildStaff } from '../lib/permissions/roles.js';
import { MemberPrecondition } from '../lib/preconditions/memberPrecondition.js';

/** Guild-wide staff commands (analytics): admins, support roles, or the staff roles of any category or department. */
export class UserPrecondition extends MemberPrecondition {
	protected async check(member: GuildMember) {
		if (await isGuildStaff(this.container.db.forGuild(member.guild.id), member)) return null;
		return { key: LanguageKeys.Analytics.StaffOnly, args: {} };
	}
}
