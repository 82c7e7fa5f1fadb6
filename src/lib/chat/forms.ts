import type { ModalSubmitInteraction } from 'discord.js';

/** A text field of a submitted form, trimmed; null when left empty. */
export function formText(interaction: ModalSubmitInteraction, fieldId: string): string | null {
	const field = interaction.fields.fields.get(fieldId);
	const value = field && 'value' in field && typeof field.value === 'string' ? field.value.trim() : '';
	return value || null;
}
