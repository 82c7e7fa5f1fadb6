import type { GuildMember } from 'discord.js';
import { callerIsAdmin } from '../lib/chat/caller.js';
import { MemberPrecondition } from '../lib/chat/memberPrecondition.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { notice } from '../lib/i18n/notice.js';

/** Admin commands: the owner, Manage Server, or one of the guild's admin roles (the access policy decides). */
export class UserPrecondition extends MemberPrecondition {
	protected async check(member: GuildMember) {
		return (await callerIsAdmin(this.container, member)) ? null : notice(LanguageKeys.Errors.AdminOnly);
	}
}
