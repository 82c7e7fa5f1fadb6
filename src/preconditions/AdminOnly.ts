import type { GuildMember } from 'discord.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { notice } from '../lib/i18n/notice.js';
import { isGuildAdmin } from '../lib/permissions/roles.js';
import { MemberPrecondition } from '../lib/chat/memberPrecondition.js';

/** Admin commands: Manage Server, or one of the guild's configured admin roles. */
export class UserPrecondition extends MemberPrecondition {
	protected async check(member: GuildMember) {
		if (await isGuildAdmin(this.container.db.forGuild(member.guild.id), member)) return null;
		return notice(LanguageKeys.Errors.AdminOnly);
	}
}
