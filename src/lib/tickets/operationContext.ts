import { container } from '@sapphire/framework';
import type { GuildMember, GuildTextBasedChannel } from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import type { OperationContext } from './operations.js';

/** The context a ticket operation runs in, from the container's services. */
export function operationContext(
	guildId: string,
	member: GuildMember,
	channel: GuildTextBasedChannel,
	t: Translate
): OperationContext {
	return {
		data: container.db.forGuild(guildId),
		member,
		channel,
		t,
		audit: container.audit,
		config: container.config,
		transcripts: container.transcripts
	};
}
