import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { ModalSubmitInteraction } from 'discord.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { resolveEntryPoint } from '../../lib/panels/entryPoint.js';
import { solveCaptcha } from '../../lib/chat/openFlow.js';

/** The captcha code, typed. */
export class CaptchaFormModal extends CustomIdHandler<'captchaForm'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.ModalSubmit, 'captchaForm');
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: CustomIdOf<'captchaForm'>) {
		const entry = await resolveEntryPoint(this.container, interaction.guildId, id.panelId, id.categoryId);
		await solveCaptcha(this.container, interaction, entry.category, entry.panelId, entry.source);
	}
}
