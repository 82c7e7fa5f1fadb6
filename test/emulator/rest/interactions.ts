import { InteractionResponseType, InteractionType, MessageFlags } from 'discord-api-types/v10';
import type { Emulator } from '../Emulator.js';
import type { EInteraction, EMessage } from '../state.js';
import { createMessage, deleteMessage, editMessage, type MessagePayload } from './messages.js';
import { ApiError, Errors, type RestRequest, type Router } from './router.js';

/** Discord's limits: the first response within 3 s, follow-ups and edits with the token for 15 minutes. */
export const INTERACTION_RESPONSE_MS = 3_000;
export const INTERACTION_TOKEN_MS = 15 * 60_000;

const COMPONENT_ONLY = new Set<number>([InteractionResponseType.DeferredMessageUpdate, InteractionResponseType.UpdateMessage]);

export function interactionRoutes(router: Router, emulator: Emulator): void {
	const { state } = emulator;

	const byToken = (token: string): EInteraction => {
		const interaction = [...state.interactions.values()].find((entry) => entry.token === token);
		if (!interaction || Date.now() - interaction.createdAt > INTERACTION_TOKEN_MS)
			throw new ApiError(401, 50027, 'Invalid Webhook Token');
		return interaction;
	};

	/** The message that @original names: the reply, or the component's message after an update. */
	const original = (interaction: EInteraction): EMessage | null => {
		const id = COMPONENT_ONLY.has(interaction.responseType ?? -1) ? interaction.sourceMessageId : interaction.originalMessageId;
		const message = id ? state.messages.get(id) : undefined;
		return message && !message.deleted ? message : null;
	};

	const reply = (interaction: EInteraction, payload: MessagePayload, files: RestRequest['files']): EMessage => {
		const ephemeral = interaction.ephemeral || Boolean((payload.flags ?? 0) & MessageFlags.Ephemeral);
		const message = createMessage(emulator, {
			channelId: interaction.channelId,
			authorId: emulator.botId,
			payload,
			files,
			interactionId: interaction.id,
			ephemeralFor: ephemeral ? interaction.userId : null
		});
		interaction.originalMessageId = message.id;
		return message;
	};

	router.add(
		'POST',
		'/interactions/:interactionId/:token/callback',
		({ params, body, files, query }) => {
			const interaction = state.interactions.get(params.interactionId!);
			if (!interaction || interaction.token !== params.token) throw Errors.unknownInteraction();
			if (interaction.responseType !== null) throw Errors.alreadyAcknowledged();
			if (Date.now() - interaction.createdAt > INTERACTION_RESPONSE_MS) throw Errors.unknownInteraction();
			const type = body.type as number;
			const data = (body.data ?? {}) as MessagePayload & Record<string, unknown>;
			const isComponent =
				interaction.type === InteractionType.MessageComponent ||
				(interaction.type === InteractionType.ModalSubmit && interaction.sourceMessageId);
			if (COMPONENT_ONLY.has(type) && !isComponent)
				throw Errors.invalidForm({ type: 'Interaction response type is only valid for component interactions.' });
			if (type === InteractionResponseType.Modal && interaction.type === InteractionType.ModalSubmit)
				throw Errors.invalidForm({ type: 'A modal cannot answer a modal.' });
			let message: EMessage | null = null;
			switch (type) {
				case InteractionResponseType.ChannelMessageWithSource:
					interaction.ephemeral = Boolean((data.flags ?? 0) & MessageFlags.Ephemeral);
					message = reply(interaction, data, files);
					break;
				case InteractionResponseType.DeferredChannelMessageWithSource:
					interaction.ephemeral = Boolean((data.flags ?? 0) & MessageFlags.Ephemeral);
					break;
				case InteractionResponseType.DeferredMessageUpdate:
					break;
				case InteractionResponseType.UpdateMessage: {
					const source = interaction.sourceMessageId ? state.messages.get(interaction.sourceMessageId) : undefined;
					if (!source) throw Errors.unknownMessage();
					message = editMessage(emulator, source, data, files);
					break;
				}
				case InteractionResponseType.Modal:
					validateModal(data as ApiModal);
					interaction.modal = data;
					break;
				case InteractionResponseType.ApplicationCommandAutocompleteResult:
					interaction.autocompleteChoices = (data.choices as unknown[]) ?? [];
					break;
				default:
					throw Errors.invalidForm({ type: `Unsupported interaction response type ${type}.` });
			}
			interaction.responseType = type;
			interaction.respondedAt = Date.now();
			if (query.get('with_response') !== 'true') return undefined;
			return {
				body: {
					interaction: {
						id: interaction.id,
						type: interaction.type,
						activity_instance_id: null,
						response_message_id: message?.id ?? null,
						response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
						response_message_ephemeral: interaction.ephemeral
					},
					resource: { type, ...(message ? { message: state.apiMessage(message) } : {}) }
				}
			};
		},
		{ auth: false }
	);

	router.add(
		'POST',
		'/webhooks/:webhookId/:token',
		({ params, body, files, query }) => {
			if (params.webhookId === state.applicationId) {
				const interaction = byToken(params.token!);
				if (interaction.responseType === null) throw Errors.unknownWebhook();
				// The first follow-up after a deferred reply becomes that reply.
				const deferred =
					interaction.responseType === InteractionResponseType.DeferredChannelMessageWithSource &&
					!interaction.originalMessageId &&
					!interaction.originalDeleted;
				if (deferred) return { body: state.apiMessage(reply(interaction, body, files)) };
				const ephemeral = Boolean(((body as MessagePayload).flags ?? 0) & MessageFlags.Ephemeral);
				const message = createMessage(emulator, {
					channelId: interaction.channelId,
					authorId: emulator.botId,
					payload: body,
					files,
					interactionId: interaction.id,
					ephemeralFor: ephemeral ? interaction.userId : null
				});
				interaction.followUpIds.push(message.id);
				return { body: state.apiMessage(message) };
			}
			const webhook = state.webhooks.get(params.webhookId!);
			if (!webhook || webhook.token !== params.token) throw Errors.unknownWebhook();
			if (!state.users.has(webhook.id))
				state.users.set(webhook.id, { id: webhook.id, username: webhook.name, globalName: null, bot: true });
			const message = createMessage(emulator, {
				channelId: webhook.channelId,
				authorId: webhook.id,
				payload: body,
				files,
				webhookId: webhook.id
			});
			// Without ?wait=true Discord answers 204 and does not return the message.
			return query.get('wait') === 'true' ? { body: state.apiMessage(message) } : undefined;
		},
		{ auth: false }
	);

	const target = (request: RestRequest): { interaction: EInteraction; message: EMessage | null } => {
		if (request.params.webhookId !== state.applicationId) throw Errors.unknownWebhook();
		const interaction = byToken(request.params.token!);
		if (request.params.messageId === '@original') return { interaction, message: original(interaction) };
		const message = state.messages.get(request.params.messageId!);
		if (!message || message.interactionId !== interaction.id || message.deleted) throw Errors.unknownMessage();
		return { interaction, message };
	};

	router.add(
		'GET',
		'/webhooks/:webhookId/:token/messages/:messageId',
		(request) => {
			const { message } = target(request);
			if (!message) throw Errors.unknownMessage();
			return { body: state.apiMessage(message) };
		},
		{ auth: false }
	);

	router.add(
		'PATCH',
		'/webhooks/:webhookId/:token/messages/:messageId',
		(request) => {
			const { interaction, message } = target(request);
			if (message) return { body: state.apiMessage(editMessage(emulator, message, request.body, request.files)) };
			if (
				request.params.messageId === '@original' &&
				interaction.responseType === InteractionResponseType.DeferredChannelMessageWithSource &&
				!interaction.originalDeleted
			) {
				return { body: state.apiMessage(reply(interaction, request.body, request.files)) };
			}
			throw Errors.unknownMessage();
		},
		{ auth: false }
	);

	router.add(
		'DELETE',
		'/webhooks/:webhookId/:token/messages/:messageId',
		(request) => {
			const { interaction, message } = target(request);
			if (message) {
				deleteMessage(emulator, message);
				return;
			}
			// A deferred reply still "thinking…" can be withdrawn; a follow-up then stands on its own.
			const thinking =
				request.params.messageId === '@original' &&
				interaction.responseType === InteractionResponseType.DeferredChannelMessageWithSource &&
				!interaction.originalMessageId &&
				!interaction.originalDeleted;
			if (!thinking) throw Errors.unknownMessage();
			interaction.originalDeleted = true;
		},
		{ auth: false }
	);
}

interface ApiModal {
	custom_id?: string;
	title?: string;
	components?: { components?: { custom_id?: string; label?: string; placeholder?: string; value?: string }[] }[];
}

/** Discord's modal limits: a title of 1 to 45 characters, 1 to 5 rows, labels of 1 to 45 characters. */
function validateModal(modal: ApiModal): void {
	const problems: Record<string, string> = {};
	const text = (path: string, value: string | undefined, max: number, required: boolean) => {
		if (value === undefined ? required : value.length === 0 && required) problems[path] = 'This field is required';
		else if (value !== undefined && value.length > max) problems[path] = `Must be between 1 and ${max} in length.`;
	};
	text('title', modal.title, 45, true);
	text('custom_id', modal.custom_id, 100, true);
	const rows = modal.components ?? [];
	if (rows.length < 1 || rows.length > 5) problems.components = 'Must be between 1 and 5 in length.';
	for (const [index, row] of rows.entries()) {
		for (const [position, input] of (row.components ?? []).entries()) {
			const path = `components.${index}.components.${position}`;
			text(`${path}.label`, input.label, 45, true);
			text(`${path}.custom_id`, input.custom_id, 100, true);
			text(`${path}.placeholder`, input.placeholder, 100, false);
			text(`${path}.value`, input.value, 4000, false);
		}
	}
	if (Object.keys(problems).length > 0) throw Errors.invalidForm(problems);
}
