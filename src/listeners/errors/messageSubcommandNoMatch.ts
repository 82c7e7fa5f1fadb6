import { Listener, type Args } from '@sapphire/framework';
import { type SubcommandPluginEvents, type MessageSubcommandNoMatchContext } from '@sapphire/plugin-subcommands';
import type { Message } from 'discord.js';
import { errorReporter, reportError } from '../../lib/chat/reportError.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { notice } from '../../lib/i18n/notice.js';

export class UserListener extends Listener<typeof SubcommandPluginEvents.MessageSubcommandNoMatch> {
	public run(message: Message, _args: Args, { command }: MessageSubcommandNoMatchContext) {
		const error = new Refusal(notice(LanguageKeys.Errors.UnknownSubcommand, { command: command.name }));
		return reportError(error, message, { event: this.name, piece: command.name }, errorReporter(this.container.logger));
	}
}
