import { AllFlowsPrecondition } from '@sapphire/framework';
import type { ChatInputCommandInteraction, ContextMenuCommandInteraction, GuildMember, Message } from 'discord.js';
import { LanguageKeys } from '../lib/i18n/languageKeys.js';
import { isGuildAdmin } from '../lib/permissions/roles.js';

/** Admin commands: Manage Server, or one of the guild's configured admin roles. */
export class UserPrecondition extends AllFlowsPrecondition {
	public override chatInputRun(interaction: ChatInputCommandInteraction) {
		return this.check(interaction.member as GuildMember | null);
	}

	public override contextMenuRun(interaction: ContextMenuCommandInteraction) {
		return this.check(interaction.member as GuildMember | null);
	}

	public override messageRun(message: Message) {
		return this.check(message.member);
	}

	private async check(member: GuildMember | null) {
		if (member && (await isGuildAdmin(this.container.db.forGuild(member.guild.id), member))) return this.ok();
		return this.error({ identifier: LanguageKeys.Errors.AdminOnly });
	}
}
