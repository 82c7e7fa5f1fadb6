import type { APIActionRowComponent, APIEmbed, APIComponentInMessageActionRow } from 'discord.js';
import { html, type Html } from '../html.js';

/** A message as Discord's API carries it: what a preview shows of it. */
export interface PreviewMessage {
	embeds: APIEmbed[];
	components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** The message as members will see it in Discord (embed, buttons or menu), its text shown as typed. */
export function messagePreview(message: PreviewMessage): Html {
	const embeds = message.embeds.map(
		(embed) =>
			html`<div class="embed">${embed.title ? html`<strong>${embed.title}</strong>` : null}${
				embed.description ? html`<p>${embed.description}</p>` : null
			}</div>`
	);
	const rows = message.components.map(
		(row) =>
			html`<div class="components">${row.components.map((component) => {
				if (component.type === 2 && 'label' in component)
					return html`<span class="discord-button">${component.emoji?.name ? `${component.emoji.name} ` : ''}${component.label ?? ''}</span>`;
				if (component.type === 3)
					return html`<div class="discord-select"><span class="muted">${component.placeholder ?? ''}</span><ul>${component.options.map(
						(option) =>
							html`<li>${option.emoji?.name ? `${option.emoji.name} ` : ''}${option.label}${
								option.description ? html` <span class="muted">${option.description}</span>` : null
							}</li>`
					)}</ul></div>`;
				return null;
			})}</div>`
	);
	return html`<div class="discord-message">${embeds}${rows}</div>`;
}
