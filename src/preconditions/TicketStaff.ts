import { container } from '@sapphire/framework';
import { Refusal } from '../lib/errors/Refusal.js';
import { notice } from '../lib/i18n/notice.js';
import type { GuildMember, GuildTextBasedChannel } from 'discord.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { MemberPrecondition } from '../lib/chat/memberPrecondition.js';
import { accessTo, ticketInChannel } from '../lib/tickets/access.js';

/** Staff operations on a ticket: run in a ticket's channel, by staff of that ticket (its team, support roles, admins). */
export class UserPrecondition extends MemberPrecondition {
	protected async check(member: GuildMember, channel: GuildTextBasedChannel) {
		const data = container.db.forGuild(member.guild.id);
		try {
			const ticket = await ticketInChannel(data, channel.id);
			return (await accessTo(data, member, ticket)).staff ? null : notice(LanguageKeys.Tickets.StaffOnly);
		} catch (error) {
			if (error instanceof Refusal) return error.notice;
			throw error;
		}
	}
}
