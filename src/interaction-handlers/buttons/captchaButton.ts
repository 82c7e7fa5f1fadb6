import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { showCaptchaForm } from '../../lib/chat/openFlow.js';

/** "Enter the code" under a captcha picture. */
export class CaptchaButton extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.Button });
	}

	public override parse(interaction: ButtonInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'captcha' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: { panelId: number; categoryId: number }) {
		await showCaptchaForm(interaction, id.categoryId, id.panelId);
	}
}
