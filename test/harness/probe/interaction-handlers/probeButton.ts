import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';

export class ProbeButtonHandler extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.Button });
	}

	public override parse(interaction: ButtonInteraction) {
		return interaction.customId === 'probe:button' ? this.some() : this.none();
	}

	public async run(interaction: ButtonInteraction) {
		await interaction.update({ content: `pressed by ${interaction.user.username}` });
	}
}
