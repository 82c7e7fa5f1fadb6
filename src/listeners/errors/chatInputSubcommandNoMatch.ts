import { Listener } from '@sapphire/framework';
import { type SubcommandPluginEvents, type ChatInputSubcommandNoMatchContext } from '@sapphire/plugin-subcommands';
import type { ChatInputCommandInteraction } from 'discord.js';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { notice } from '../../lib/i18n/notice.js';

export class UserListener extends Listener<typeof SubcommandPluginEvents.ChatInputSubcommandNoMatch> {
	public run(interaction: ChatInputCommandInteraction, { command }: ChatInputSubcommandNoMatchContext) {
		const error = new Refusal(notice(LanguageKeys.Errors.UnknownSubcommand, { command: command.name }));
		return reportError(error, interaction, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
