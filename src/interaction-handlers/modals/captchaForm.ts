import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ModalSubmitInteraction } from 'discord.js';
import { decodeCustomId } from '../../lib/chat/customIds.js';
import { resolveEntryPoint } from '../../lib/chat/entryPoint.js';
import { solveCaptcha } from '../../lib/chat/openFlow.js';

/** The captcha code, typed. */
export class CaptchaFormModal extends InteractionHandler {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, { interactionHandlerType: InteractionHandlerTypes.ModalSubmit });
	}

	public override parse(interaction: ModalSubmitInteraction) {
		const id = decodeCustomId(interaction.customId);
		return id?.kind === 'solve' && interaction.inGuild() ? this.some(id) : this.none();
	}

	public async run(interaction: ModalSubmitInteraction<'cached'>, id: { panelId: number; categoryId: number }) {
		const entry = await resolveEntryPoint(interaction.guildId, id.panelId, id.categoryId);
		await solveCaptcha(interaction, entry.category, entry.panelId, entry.source);
	}
}
