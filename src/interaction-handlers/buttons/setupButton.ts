import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { callerIsAdmin } from '../../lib/chat/caller.js';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { refuse } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { applySetupChoice, GO, SETUP_STEPS, setupStep } from '../../lib/wizard/setupWizard.js';

/** The buttons of the /admin setup wizard: Back, Next, and posting the panel. */
export class SetupButton extends CustomIdHandler<'setupControl'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'setupControl');
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: CustomIdOf<'setupControl'>) {
		if (id.step > SETUP_STEPS) refuse(LanguageKeys.Errors.InvalidButton);
		if (!(await callerIsAdmin(this.container, interaction.member))) refuse(LanguageKeys.Errors.AdminOnly);
		const data = this.container.db.forGuild(interaction.guildId);
		const t = await translatorFor(interaction);
		if (id.control !== GO)
			await applySetupChoice(this.container, interaction.guild, data, interaction.user.id, id.step, id.control, [], t);
		await interaction.update(await setupStep(this.container, interaction.guild, data, id.step, t));
	}
}
