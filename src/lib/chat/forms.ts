import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import { cut } from '../text/cut.js';

/** Discord's limits of a form's title and of a field's label. */
const TITLE_MAX = 45;
const LABEL_MAX = 45;

/** A form of one text field (a close reason, a rating comment, a captcha code). */
export function oneFieldForm(spec: {
	customId: string;
	title: string;
	field: { id: string; label: string; paragraph: boolean; required: boolean; maxLength: number };
}): ModalBuilder {
	const input = new TextInputBuilder()
		.setCustomId(spec.field.id)
		.setLabel(cut(spec.field.label, LABEL_MAX))
		.setStyle(spec.field.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short)
		.setRequired(spec.field.required)
		.setMaxLength(spec.field.maxLength);
	return new ModalBuilder()
		.setCustomId(spec.customId)
		.setTitle(cut(spec.title, TITLE_MAX))
		.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
}

/** A text field of a submitted form, trimmed; null when left empty. */
export function formText(interaction: ModalSubmitInteraction, fieldId: string): string | null {
	const field = interaction.fields.fields.get(fieldId);
	const value = field && 'value' in field && typeof field.value === 'string' ? field.value.trim() : '';
	return value || null;
}
