import { InteractionHandler, type InteractionHandlerTypes } from '@sapphire/framework';
import type { Interaction, MessageComponentInteraction, ModalSubmitInteraction } from 'discord.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { decodeCustomIdOf, type CustomIdKind, type CustomIdOf } from './customIds.js';

type Answerable = MessageComponentInteraction | ModalSubmitInteraction;

/** Whether the message the component was used on really carries it (a forged click names one it does not). */
function carried(interaction: Answerable): boolean {
	if (!interaction.isMessageComponent()) return true;
	const rows = interaction.message.components as unknown as { components?: { customId?: string | null }[] }[];
	return rows.some((row) => row.components?.some((component) => component.customId === interaction.customId));
}

/**
 * A handler for one kind of custom ID (see customIds.ts): it parses only that kind, refuses a component
 * the message it was used on does not carry (a forged click), and answers in guilds, or in DMs too
 * when `dm` is set.
 */
export abstract class CustomIdHandler<K extends CustomIdKind> extends InteractionHandler {
	protected constructor(
		context: InteractionHandler.LoaderContext,
		type: InteractionHandlerTypes,
		private readonly kind: K,
		private readonly where: { dm?: boolean } = {}
	) {
		super(context, { interactionHandlerType: type });
	}

	public override parse(interaction: Interaction) {
		const answerable = interaction as Answerable;
		const id = decodeCustomIdOf(answerable.customId ?? '', this.kind);
		if (!id || (!interaction.inGuild() && !this.where.dm)) return this.none();
		if (!carried(answerable)) refuse(LanguageKeys.Errors.InvalidButton);
		return this.some(id);
	}

	public abstract override run(interaction: Interaction, id: CustomIdOf<K>): unknown;
}
