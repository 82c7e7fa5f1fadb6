import { createHmac } from 'node:crypto';
import { GatewayDispatchEvents, MessageFlags, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { Emulator } from '../Emulator.js';
import type { EAttachment, EMessage } from '../state.js';
import { ApiError, Errors, type Router, type UploadedFile } from './router.js';
import { requireChannelPermissions } from './checks.js';

export interface MessagePayload {
	content?: string;
	embeds?: unknown[];
	components?: unknown[];
	attachments?: { id: string | number; filename?: string }[];
	flags?: number;
	message_reference?: { message_id: string; channel_id?: string; guild_id?: string };
	allowed_mentions?: { parse?: string[]; roles?: string[]; users?: string[] };
	nonce?: string | number;
}

/** Which role mentions in the content actually notify, by Discord's allowed_mentions rules. */
function pingedRoles(payload: MessagePayload, ephemeral: boolean): string[] {
	if (ephemeral) return [];
	const mentioned = [...(payload.content ?? '').matchAll(/<@&(\d+)>/g)].map((match) => match[1]!);
	const allowed = payload.allowed_mentions;
	if (!allowed) return [...new Set(mentioned)];
	if (allowed.parse?.includes('roles')) return [...new Set(mentioned)];
	return [...new Set(mentioned.filter((id) => allowed.roles?.includes(id)))];
}

/** How long Discord remembers an enforced nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

export interface NewMessage {
	channelId: string;
	authorId: string;
	payload: MessagePayload;
	files?: UploadedFile[];
	interactionId?: string | null;
	ephemeralFor?: string | null;
	webhookId?: string | null;
}

interface ApiEmbed {
	title?: string;
	description?: string;
	fields?: { name?: string; value?: string }[];
	footer?: { text?: string };
	author?: { name?: string };
}

/** Discord's embed limits: each text on its own, and 6,000 characters over all the embeds of a message. */
function embedProblems(embeds: readonly ApiEmbed[]): Record<string, string> {
	const problems: Record<string, string> = {};
	let total = 0;
	const text = (path: string, value: string | undefined, max: number, required = false) => {
		if (value === undefined) {
			if (required) problems[path] = 'This field is required';
			return;
		}
		total += value.length;
		if (value.length > max) problems[path] = `Must be ${max} or fewer in length.`;
		else if (required && value.length === 0) problems[path] = 'Must be 1 or more in length.';
	};
	for (const [index, embed] of embeds.entries()) {
		text(`embeds.${index}.title`, embed.title, 256);
		text(`embeds.${index}.description`, embed.description, 4096);
		text(`embeds.${index}.footer.text`, embed.footer?.text, 2048);
		text(`embeds.${index}.author.name`, embed.author?.name, 256);
		const fields = embed.fields ?? [];
		if (fields.length > 25) problems[`embeds.${index}.fields`] = 'Must be 25 or fewer in length.';
		for (const [position, field] of fields.entries()) {
			text(`embeds.${index}.fields.${position}.name`, field.name, 256, true);
			text(`embeds.${index}.fields.${position}.value`, field.value, 1024, true);
		}
	}
	if (total > 6000) problems.embeds = 'Embed size exceeds maximum size of 6000';
	return problems;
}

/** Checks a message body against Discord's limits; returns the normalised parts. */
function validate(payload: MessagePayload, files: UploadedFile[], requireSomething: boolean): void {
	const content = payload.content ?? '';
	const problems: Record<string, string> = {};
	if (content.length > 2000) problems.content = 'Must be 2000 or fewer in length.';
	const embeds = payload.embeds ?? [];
	if (embeds.length > 10) problems.embeds = 'Must be 10 or fewer in length.';
	Object.assign(problems, embedProblems(embeds as ApiEmbed[]));
	const rows = payload.components ?? [];
	if (rows.length > 5) problems.components = 'Must be 5 or fewer in length.';
	for (const row of rows as { components?: { custom_id?: string; label?: string }[] }[]) {
		for (const component of row.components ?? []) {
			if (component.custom_id && component.custom_id.length > 100)
				problems['components.custom_id'] = 'Must be 100 or fewer in length.';
			if (component.label && component.label.length > 80) problems['components.label'] = 'Must be 80 or fewer in length.';
		}
	}
	if (Object.keys(problems).length > 0) throw Errors.invalidForm(problems);
	if (requireSomething && !content && embeds.length === 0 && files.length === 0 && rows.length === 0) throw Errors.emptyMessage();
}

function storeAttachments(emulator: Emulator, payload: MessagePayload, files: UploadedFile[]): EAttachment[] {
	return files.map((file, index) => {
		const id = emulator.state.newId();
		const described = payload.attachments?.find((attachment) => String(attachment.id) === String(index));
		const filename = described?.filename ?? file.filename;
		// Signed like Discord's CDN links: issued, expiring, and an HMAC over them.
		const issued = Math.floor(Date.now() / 1000);
		const expires = Math.floor((Date.now() + emulator.attachmentTtlMs) / 1000);
		const signature = createHmac('sha256', emulator.token).update(`${id}:${issued}:${expires}`).digest('hex');
		const query = `ex=${expires.toString(16)}&is=${issued.toString(16)}&hm=${signature}`;
		const attachment: EAttachment = {
			id,
			filename,
			size: file.data.length,
			url: `http://127.0.0.1:${emulator.port}/attachments/${id}/${encodeURIComponent(filename)}?${query}`,
			contentType: file.contentType,
			data: file.data,
			signedQuery: query,
			expiresAt: expires * 1000
		};
		emulator.state.attachments.set(id, attachment);
		return attachment;
	});
}

/** Creates a message as Discord would, and tells the gateway (not for ephemeral replies). */
export function createMessage(emulator: Emulator, input: NewMessage): EMessage {
	const { state } = emulator;
	const channel = state.channels.get(input.channelId);
	if (!channel) throw Errors.unknownChannel();
	const files = input.files ?? [];
	validate(input.payload, files, true);
	// Discord's timestamp is the instant its snowflake encodes; discord.js reads it from the ID.
	const now = Date.now();
	const message: EMessage = {
		id: state.ids.next(now),
		channelId: channel.id,
		guildId: channel.guildId,
		authorId: input.authorId,
		content: input.payload.content ?? '',
		embeds: (input.payload.embeds ?? []).map((embed) => ({ type: 'rich', ...(embed as object) })),
		components: input.payload.components ?? [],
		attachments: storeAttachments(emulator, input.payload, files),
		flags:
			(input.payload.flags ?? 0) & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications),
		createdAt: now,
		editedAt: null,
		ephemeralFor: input.ephemeralFor ?? null,
		pingedRoleIds: pingedRoles(input.payload, Boolean(input.ephemeralFor)),
		interactionId: input.interactionId ?? null,
		webhookId: input.webhookId ?? null,
		reference: input.payload.message_reference
			? {
					message_id: input.payload.message_reference.message_id,
					channel_id: channel.id,
					...(channel.guildId ? { guild_id: channel.guildId } : {})
				}
			: null,
		nonce: input.payload.nonce === undefined ? null : String(input.payload.nonce),
		deleted: false
	};
	state.messages.set(message.id, message);
	if (!message.ephemeralFor) {
		channel.lastMessageId = message.id;
		emulator.dispatch(GatewayDispatchEvents.MessageCreate, state.apiMessage(message), channel.guildId);
	}
	return message;
}

export function editMessage(
	emulator: Emulator,
	message: EMessage,
	payload: MessagePayload,
	files: UploadedFile[] = []
): EMessage {
	validate(payload, files, false);
	if (payload.content !== undefined) message.content = payload.content ?? '';
	if (payload.embeds !== undefined)
		message.embeds = (payload.embeds ?? []).map((embed) => ({ type: 'rich', ...(embed as object) }));
	if (payload.components !== undefined) message.components = payload.components ?? [];
	if (payload.attachments !== undefined || files.length > 0) {
		const kept = message.attachments.filter((attachment) =>
			payload.attachments?.some((entry) => String(entry.id) === attachment.id)
		);
		message.attachments = [...kept, ...storeAttachments(emulator, payload, files)];
	}
	message.editedAt = Date.now();
	if (!message.ephemeralFor)
		emulator.dispatch(GatewayDispatchEvents.MessageUpdate, emulator.state.apiMessage(message), message.guildId);
	return message;
}

export function deleteMessage(emulator: Emulator, message: EMessage): void {
	message.deleted = true;
	if (!message.ephemeralFor) {
		emulator.dispatch(
			GatewayDispatchEvents.MessageDelete,
			{ id: message.id, channel_id: message.channelId, ...(message.guildId ? { guild_id: message.guildId } : {}) },
			message.guildId
		);
	}
}

/** Deletes messages of one channel at once, and tells the gateway in one MESSAGE_DELETE_BULK. */
export function bulkDeleteMessages(emulator: Emulator, channelId: string, messages: readonly EMessage[]): void {
	for (const message of messages) message.deleted = true;
	const channel = emulator.state.channel(channelId);
	emulator.dispatch(
		GatewayDispatchEvents.MessageDeleteBulk,
		{ ids: messages.map((message) => message.id), channel_id: channel.id, guild_id: channel.guildId },
		channel.guildId
	);
}

function findMessage(emulator: Emulator, channelId: string, messageId: string): EMessage {
	const message = emulator.state.messages.get(messageId);
	if (!message || message.deleted || message.channelId !== channelId || message.ephemeralFor) throw Errors.unknownMessage();
	return message;
}

export function messageRoutes(router: Router, emulator: Emulator): void {
	const { state } = emulator;
	const bot = () => emulator.botId;

	router.add('GET', '/channels/:channelId/messages', ({ params, query }) => {
		requireChannelPermissions(emulator, params.channelId!, P.ViewChannel | P.ReadMessageHistory);
		const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50)));
		let list = state.channelMessages(params.channelId!);
		const before = query.get('before');
		const after = query.get('after');
		if (before) list = list.filter((message) => BigInt(message.id) < BigInt(before));
		if (after) list = list.filter((message) => BigInt(message.id) > BigInt(after)).slice(0, limit);
		else list = list.slice(-limit);
		return { body: list.reverse().map((message) => state.apiMessage(message)) };
	});

	router.add('GET', '/channels/:channelId/messages/:messageId', ({ params }) => {
		requireChannelPermissions(emulator, params.channelId!, P.ViewChannel | P.ReadMessageHistory);
		return { body: state.apiMessage(findMessage(emulator, params.channelId!, params.messageId!)) };
	});

	// Discord's enforce_nonce: a message sent again with the same nonce within a few minutes is not created twice.
	const nonces = new Map<string, { messageId: string; at: number }>();
	router.add('POST', '/channels/:channelId/messages', ({ params, body, files }) => {
		const channel = state.channels.get(params.channelId!);
		if (!channel) throw Errors.unknownChannel();
		if (channel.recipientId && state.users.get(channel.recipientId)?.dmsClosed) throw Errors.cannotDm();
		requireChannelPermissions(emulator, channel.id, P.ViewChannel | P.SendMessages);
		if (files.length > 0) requireChannelPermissions(emulator, channel.id, P.AttachFiles);
		const { nonce, enforce_nonce: enforce } = body as { nonce?: string | number; enforce_nonce?: boolean };
		const key = enforce && nonce !== undefined ? `${bot()}:${nonce}` : null;
		const earlier = key ? nonces.get(key) : undefined;
		const existing = earlier && Date.now() - earlier.at < NONCE_WINDOW_MS ? state.messages.get(earlier.messageId) : undefined;
		if (existing && !existing.deleted) return { body: state.apiMessage(existing) };
		const message = createMessage(emulator, { channelId: channel.id, authorId: bot(), payload: body as MessagePayload, files });
		if (key) nonces.set(key, { messageId: message.id, at: Date.now() });
		return { body: state.apiMessage(message) };
	});

	router.add('PATCH', '/channels/:channelId/messages/:messageId', ({ params, body, files }) => {
		const message = findMessage(emulator, params.channelId!, params.messageId!);
		if (message.authorId !== bot()) throw new ApiError(403, 50005, 'Cannot edit a message authored by another user');
		return { body: state.apiMessage(editMessage(emulator, message, body as MessagePayload, files)) };
	});

	router.add('DELETE', '/channels/:channelId/messages/:messageId', ({ params }) => {
		const message = findMessage(emulator, params.channelId!, params.messageId!);
		if (message.authorId !== bot()) requireChannelPermissions(emulator, params.channelId!, P.ManageMessages);
		deleteMessage(emulator, message);
	});

	router.add('POST', '/channels/:channelId/messages/bulk-delete', ({ params, body }) => {
		requireChannelPermissions(emulator, params.channelId!, P.ManageMessages);
		const ids = (body as { messages?: string[] }).messages ?? [];
		if (ids.length < 2 || ids.length > 100) throw Errors.invalidForm({ messages: 'Must be between 2 and 100 in length.' });
		const twoWeeks = Date.now() - 14 * 24 * 3600_000;
		const messages = ids.map((id) => findMessage(emulator, params.channelId!, id));
		if (messages.some((message) => message.createdAt < twoWeeks))
			throw new ApiError(400, 50034, 'You can only bulk delete messages that are under 14 days old.');
		bulkDeleteMessages(emulator, params.channelId!, messages);
	});

	router.add('POST', '/channels/:channelId/typing', () => undefined);
}
