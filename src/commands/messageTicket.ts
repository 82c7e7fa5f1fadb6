import { Command } from '@sapphire/framework';
import {
	ApplicationCommandType,
	ApplicationIntegrationType,
	InteractionContextType,
	type MessageContextMenuCommandInteraction
} from 'discord.js';
import { offerMessageTicket } from '../lib/chat/messageTicket.js';
import { loadCommandTranslations, localizationsOf } from '../lib/i18n/commandDescriptions.js';

const NAME = 'Open a ticket about this';

/** The message context menu "Open a ticket about this": a member on their own message, staff on anyone's. */
export class MessageTicketCommand extends Command {
	public constructor(context: Command.LoaderContext) {
		super(context, { name: 'message-ticket', description: NAME, preconditions: ['GuildOnly'] });
	}

	public override registerApplicationCommands(registry: Command.Registry) {
		registry.registerContextMenuCommand((builder) =>
			builder
				.setName(NAME)
				.setNameLocalizations(localizationsOf(loadCommandTranslations(), [NAME]))
				.setType(ApplicationCommandType.Message)
				.setContexts(InteractionContextType.Guild)
				.setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
		);
	}

	public override async contextMenuRun(interaction: Command.ContextMenuCommandInteraction) {
		if (!interaction.isMessageContextMenuCommand() || !interaction.inCachedGuild()) return;
		await offerMessageTicket(this.container, interaction as MessageContextMenuCommandInteraction<'cached'>);
	}
}
