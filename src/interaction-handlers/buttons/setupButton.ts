import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { translatorFor } from '../../lib/discord/translate.js';
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { isGuildAdmin } from '../../lib/permissions/roles.js';
import { applySetupChoice, GO, SETUP_STEPS, setupStep } from '../../lib/wizard/setupWizard.js';

/** The buttons of the /admin setup wizard: Back, Next, and posting the panel. */
export class SetupButton extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.Button });
	}

	public override parse(interaction: ButtonInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'setup' && id.step <= SETUP_STEPS && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: { step: number; control: number }) {
		const data = this.container.db.forGuild(interaction.guildId);
		const t = await translatorFor(interaction);
		if (!(await isGuildAdmin(data, interaction.member)))
			return interaction.reply({ content: t(LanguageKeys.Errors.AdminOnly), flags: MessageFlags.Ephemeral });
		if (id.control !== GO) await applySetupChoice(interaction.guild, data, interaction.user.id, id.step, id.control, [], t);
		await interaction.update(await setupStep(interaction.guild, data, id.step, t));
	}
}
