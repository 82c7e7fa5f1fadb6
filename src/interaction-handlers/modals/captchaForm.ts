import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { ModalSubmitInteraction } from 'discord.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { resolveEntryPoint } from '../../lib/chat/entryPoint.js';
import { solveCaptcha } from '../../lib/chat/openFlow.js';

/** The captcha code, typed. */
export class CaptchaFormModal extends CustomIdHandler<'captchaForm'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.ModalSubmit, 'captchaForm');
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: CustomIdOf<'captchaForm'>) {
		const entry = await resolveEntryPoint(interaction.guildId, id.panelId, id.categoryId);
		await solveCaptcha(interaction, entry.category, entry.panelId, entry.source);
	}
}
