import { UserError, container } from '@sapphire/framework';
import type { GuildMember, GuildTextBasedChannel } from 'discord.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { MemberPrecondition } from '../lib/preconditions/memberPrecondition.js';
import { accessTo, ticketInChannel } from '../lib/tickets/access.js';

/** Staff operations on a ticket: run in a ticket's channel, by staff of that ticket (its team, support roles, admins). */
export class UserPrecondition extends MemberPrecondition {
	protected async check(member: GuildMember, channel: GuildTextBasedChannel) {
		const data = container.db.forGuild(member.guild.id);
		try {
			const ticket = await ticketInChannel(data, channel.id);
			return (await accessTo(data, member, ticket)).staff ? null : { key: LanguageKeys.Tickets.StaffOnly, args: {} };
		} catch (error) {
			if (error instanceof UserError) return { key: error.identifier, args: (error.context ?? {}) as Record<string, unknown> };
			throw error;
		}
	}
}
