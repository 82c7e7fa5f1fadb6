import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { callerIsAdmin } from '../../lib/chat/caller.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { refuse } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { securityEventsPage } from '../../lib/security/report.js';

/** The Previous and Next buttons of /security events: admins only, as the command; another admin gets their own page. */
export class SecurityEventsPageButton extends CustomIdHandler<'securityPage'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'securityPage');
	}

	public async run(interaction: ButtonInteraction<'cached'>, { ownerId, kind: _kind, ...query }: CustomIdOf<'securityPage'>) {
		if (!(await callerIsAdmin(this.container, interaction.member))) refuse(LanguageKeys.Errors.AdminOnly);
		const data = this.container.db.forGuild(interaction.guildId);
		const page = await securityEventsPage(data, query, await translatorFor(interaction), interaction.user.id);
		if (ownerId === interaction.user.id) await interaction.update(page);
		else await interaction.reply({ ...page, flags: MessageFlags.Ephemeral });
	}
}
