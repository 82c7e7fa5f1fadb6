import { InteractionHandlerTypes, type InteractionHandler } from '@sapphire/framework';
import { CustomIdHandler } from '../../lib/chat/CustomIdHandler.js';
import type { ButtonInteraction } from 'discord.js';
import type { CustomIdOf } from '../../lib/chat/customIds.js';
import { resolveEntryPoint } from '../../lib/panels/entryPoint.js';
import { beginTicket } from '../../lib/chat/openFlow.js';

/** A panel's category button. */
export class OpenTicketButton extends CustomIdHandler<'panelButton'> {
	public constructor(context: InteractionHandler.LoaderContext) {
		super(context, InteractionHandlerTypes.Button, 'panelButton');
	}

	public async run(interaction: ButtonInteraction<'cached'>, id: CustomIdOf<'panelButton'>) {
		const entry = await resolveEntryPoint(this.container, interaction.guildId, id.panelId, id.categoryId);
		await beginTicket(this.container, interaction, entry.category, entry.panelId, entry.source);
	}
}
