import type { GuildMember } from 'discord.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { notice } from '../lib/i18n/notice.js';
import { MemberPrecondition } from '../lib/chat/memberPrecondition.js';

/** Commands that affect every guild: only the bot owners of OWNER_IDS. */
export class UserPrecondition extends MemberPrecondition {
	protected async check(member: GuildMember) {
		return this.container.env.OWNER_IDS.includes(member.id) ? null : notice(LanguageKeys.Errors.OwnerOnly);
	}
}
