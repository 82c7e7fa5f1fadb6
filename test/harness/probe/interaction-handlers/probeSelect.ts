import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { MessageFlags, type StringSelectMenuInteraction } from 'discord.js';

export class ProbeSelectHandler extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.SelectMenu });
	}

	public override parse(interaction: StringSelectMenuInteraction) {
		return interaction.customId === 'probe:select' ? this.some() : this.none();
	}

	public async run(interaction: StringSelectMenuInteraction) {
		await interaction.deferReply({ flags: MessageFlags.Ephemeral });
		await interaction.editReply({ content: `picked ${interaction.values.join(', ')}` });
	}
}
