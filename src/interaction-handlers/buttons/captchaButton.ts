import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { ButtonInteraction } from 'discord.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { showCaptchaForm } from '../../lib/chat/openFlow.js';

/** "Enter the code" under a captcha picture. */
export class CaptchaButton extends CustomIdHandler<'captchaButton'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'captchaButton');
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: CustomIdOf<'captchaButton'>) {
		await showCaptchaForm(interaction, id.categoryId, id.panelId);
	}
}
