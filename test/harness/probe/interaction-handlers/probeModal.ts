import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';

export class ProbeModalHandler extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.ModalSubmit });
	}

	public override parse(interaction: ModalSubmitInteraction) {
		return interaction.customId === 'probe:modal' ? this.some() : this.none();
	}

	public async run(interaction: ModalSubmitInteraction) {
		await interaction.reply({
			content: `topic: ${interaction.fields.getTextInputValue('probe:topic')}`,
			flags: MessageFlags.Ephemeral
		});
	}
}
