import {
	ActionRowBuilder,
	MessageFlags,
	ModalBuilder,
	TextInputBuilder,
	TextInputStyle,
	type ModalSubmitInteraction
} from 'discord.js';
import { translatorFor } from '../discord/translate.js';
import { userText } from '../discord/escape.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { Translate } from '../i18n/notice.js';
import { addSnippet, editSnippet, SNIPPET_CONTENT_MAX, SNIPPET_NAME_MAX, type SnippetRow } from '../snippets/snippets.js';
import { cut } from '../text/cut.js';
import { callerOf } from './caller.js';
import { encodeCustomId } from './customIds.js';
import { formText } from './forms.js';
import type { ChatServices } from './services.js';

/**
 * The form behind /snippet add and edit when the text is left out: the text over several lines (a slash
 * option holds one), the name too for a new snippet. Submitting it runs the same use case as the command.
 */
export function snippetForm(t: Translate, current: SnippetRow | null, name: string): ModalBuilder {
	const text = new TextInputBuilder()
		.setCustomId('content')
		.setLabel(cut(t(LanguageKeys.Snippets.FormText), 45))
		.setStyle(TextInputStyle.Paragraph)
		.setRequired(true)
		.setMaxLength(SNIPPET_CONTENT_MAX);
	if (current) text.setValue(current.content);
	const modal = new ModalBuilder()
		.setCustomId(encodeCustomId({ kind: 'snippetForm', snippetId: current?.id ?? 0 }))
		.setTitle(cut(t(LanguageKeys.Snippets.FormTitle, { name: current?.name ?? name }), 45));
	if (!current) {
		const named = new TextInputBuilder()
			.setCustomId('name')
			.setLabel(cut(t(LanguageKeys.Snippets.FormName), 45))
			.setStyle(TextInputStyle.Short)
			.setRequired(true)
			.setMaxLength(SNIPPET_NAME_MAX)
			.setValue(cut(name, SNIPPET_NAME_MAX, ''));
		modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(named));
	}
	return modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(text));
}

/** The submitted form: saved by the same use case as the command (its checks, its audit entry); the caller alone reads the answer. */
export async function submitSnippetForm(
	services: ChatServices,
	interaction: ModalSubmitInteraction<'cached'>,
	snippetId: number
): Promise<void> {
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const { ticketServices } = services;
	const actor = callerOf(services, interaction.member);
	const content = formText(interaction, 'content');
	const t = await translatorFor(interaction);
	if (snippetId === 0) {
		const saved = await addSnippet(ticketServices, actor, interaction.guildId, {
			name: formText(interaction, 'name') ?? '',
			content,
			embed: null,
			title: null
		});
		await interaction.editReply(t(LanguageKeys.Snippets.Added, { name: userText(saved.name) }));
		return;
	}
	const row = await ticketServices.db.forGuild(interaction.guildId).db.snippet.findUnique({ where: { id: snippetId } });
	if (!row) refuse(LanguageKeys.Snippets.Unknown, { name: '' });
	const saved = await editSnippet(ticketServices, actor, interaction.guildId, {
		name: row.name,
		content,
		embed: null,
		title: null
	});
	await interaction.editReply(t(LanguageKeys.Snippets.Edited, { name: userText(saved.name) }));
}
