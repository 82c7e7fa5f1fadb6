import { AllFlowsPrecondition } from '@sapphire/framework';
import type {
	ChatInputCommandInteraction,
	ContextMenuCommandInteraction,
	GuildMember,
	GuildTextBasedChannel,
	Message
} from 'discord.js';
import { preconditionError } from '../errors/classifyError.js';
import type { Notice } from '../i18n/notice.js';

/**
 * A precondition about the member and the channel a command runs in, the same for slash and prefix
 * invocations: subclasses implement check().
 */
export abstract class MemberPrecondition extends AllFlowsPrecondition {
	public override chatInputRun(interaction: ChatInputCommandInteraction) {
		return this.checkFor(interaction.member as GuildMember | null, interaction.channel as GuildTextBasedChannel | null);
	}

	public override contextMenuRun(interaction: ContextMenuCommandInteraction) {
		return this.checkFor(interaction.member as GuildMember | null, interaction.channel as GuildTextBasedChannel | null);
	}

	public override messageRun(message: Message) {
		return this.checkFor(message.member, message.inGuild() ? message.channel : null);
	}

	private async checkFor(member: GuildMember | null, channel: GuildTextBasedChannel | null) {
		if (!member || !channel) return this.ok();
		const refusal = await this.check(member, channel);
		return refusal ? this.error(preconditionError(refusal)) : this.ok();
	}

	/** Why the member may not run the command here, or null. */
	protected abstract check(member: GuildMember, channel: GuildTextBasedChannel): Promise<Notice | null>;
}
