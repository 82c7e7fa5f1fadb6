import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { translatorFor } from '../../lib/discord/translate.js';
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { isGuildAdmin } from '../../lib/permissions/roles.js';
import { securityEventsPage, type EventsQuery } from '../../lib/security/report.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';

/** The Previous and Next buttons of /security events: admins only, as the command. */
export class SecurityEventsPageButton extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.Button });
	}

	public override parse(interaction: ButtonInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'security' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ButtonInteraction<'cached'>, query: EventsQuery) {
		const data = this.container.db.forGuild(interaction.guildId);
		const t = await translatorFor(interaction);
		if (!(await isGuildAdmin(data, interaction.member)))
			return interaction.reply({ content: t(LanguageKeys.Errors.AdminOnly), flags: MessageFlags.Ephemeral });
		await interaction.update(await securityEventsPage(data, query, t));
	}
}
