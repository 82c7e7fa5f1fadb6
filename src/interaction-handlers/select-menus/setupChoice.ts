import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { translatorFor } from '../../lib/discord/translate.js';
import { MessageFlags, type AnySelectMenuInteraction } from 'discord.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { isGuildAdmin } from '../../lib/permissions/roles.js';
import { applySetupChoice, GO, setupStep } from '../../lib/wizard/setupWizard.js';

/** A menu of the /admin setup wizard: the choice is saved, and the step shows it. */
export class SetupChoiceMenu extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.SelectMenu });
	}

	public override parse(interaction: AnySelectMenuInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'setup' && id.control !== GO && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: AnySelectMenuInteraction<'cached'>, id: { step: number; control: number }) {
		const data = this.container.db.forGuild(interaction.guildId);
		const t = await translatorFor(interaction);
		if (!(await isGuildAdmin(data, interaction.member)))
			return interaction.reply({ content: t(LanguageKeys.Errors.AdminOnly), flags: MessageFlags.Ephemeral });
		await applySetupChoice(interaction.guild, data, interaction.user.id, id.step, id.control, interaction.values, t);
		await interaction.update(await setupStep(interaction.guild, data, id.step, t));
	}
}
