import type { GuildMember } from 'discord.js';
import type { CreationCheckName } from '../tickets/guards.js';
import { MemberPrecondition } from './memberPrecondition.js';

/** One of the ticket-creation guards as a precondition of /ticket create and !ticket create. */
export abstract class CreationPrecondition extends MemberPrecondition {
	protected abstract readonly checks: readonly CreationCheckName[];

	protected check(member: GuildMember) {
		return this.container.tickets.refusal(member.guild.id, member.id, this.checks);
	}
}
