import { Events, Listener } from '@sapphire/framework';
import type { GuildMember } from 'discord.js';
import { noteJoin } from '../../lib/security/antiRaid.js';

/** Counts joins for the anti-raid detector. */
export class UserListener extends Listener<typeof Events.GuildMemberAdd> {
	public constructor(context: Listener.LoaderContext) {
		super(context, { event: Events.GuildMemberAdd });
	}

	public async run(member: GuildMember) {
		await noteJoin(this.container, member.guild.id);
	}
}
