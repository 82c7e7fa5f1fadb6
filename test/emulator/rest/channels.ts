import { ChannelType, GatewayDispatchEvents, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { Emulator } from '../Emulator.js';
import type { PermissionOverwrite } from '../permissions.js';
import type { EChannel } from '../state.js';
import { requireChannelPermissions, requireGrantable, requireGuildPermissions } from './checks.js';
import { ApiError, Errors, sharedRateLimit, type Router } from './router.js';

const MAX_GUILD_CHANNELS = 500;
const MAX_CATEGORY_CHILDREN = 50;
const RENAMES_PER_WINDOW = 2;
const RENAME_WINDOW_MS = 10 * 60_000;

interface ApiOverwrite {
	id: string;
	type: 0 | 1 | 'role' | 'member';
	allow?: string | number;
	deny?: string | number;
}

function parseOverwrite(overwrite: ApiOverwrite): PermissionOverwrite {
	return {
		id: overwrite.id,
		type: overwrite.type === 1 || overwrite.type === 'member' ? 1 : 0,
		allow: BigInt(overwrite.allow ?? 0),
		deny: BigInt(overwrite.deny ?? 0)
	};
}

/** Discord lowercases text channel names and turns spaces into dashes; 1 to 100 characters. */
export function normaliseChannelName(name: unknown, type: ChannelType): string {
	if (typeof name !== 'string' || name.trim().length === 0 || name.length > 100) {
		throw Errors.invalidForm({ name: 'Must be between 1 and 100 in length.' });
	}
	if (type !== ChannelType.GuildText && type !== ChannelType.GuildAnnouncement) return name;
	const normalised = name
		.toLowerCase()
		.replace(/\s+/g, '-')
		.replace(/[^\p{L}\p{N}\p{Emoji_Presentation}_-]/gu, '');
	if (normalised.length === 0) throw Errors.invalidForm({ name: 'Must be between 1 and 100 in length.' });
	return normalised;
}

export function channelRoutes(router: Router, emulator: Emulator): void {
	const { state } = emulator;
	const update = (channel: EChannel) =>
		emulator.dispatch(GatewayDispatchEvents.ChannelUpdate, state.apiChannel(channel), channel.guildId);
	const guildChannel = (id: string) => {
		const channel = state.channels.get(id);
		if (!channel) throw Errors.unknownChannel();
		return channel;
	};

	router.add('GET', '/guilds/:guildId/channels', ({ params }) => {
		if (!state.guilds.has(params.guildId!)) throw Errors.unknownGuild();
		return { body: state.guildChannels(params.guildId!).map((channel) => state.apiChannel(channel)) };
	});

	router.add('POST', '/guilds/:guildId/channels', ({ params, body }) => {
		const guildId = params.guildId!;
		if (!state.guilds.has(guildId)) throw Errors.unknownGuild();
		const type = (body.type ?? ChannelType.GuildText) as ChannelType;
		const parentId = (body.parent_id as string | null | undefined) ?? null;
		const parent = parentId ? state.channels.get(parentId) : undefined;
		if (parentId && (!parent || parent.guildId !== guildId || parent.type !== ChannelType.GuildCategory)) {
			throw Errors.invalidForm({ parent_id: 'Not a category in this guild.' });
		}
		// Manage Channels in the guild, or through an overwrite on the parent category.
		if (parent) requireChannelPermissions(emulator, parent.id, P.ManageChannels);
		else requireGuildPermissions(emulator, guildId, P.ManageChannels);
		const overwrites = ((body.permission_overwrites ?? []) as ApiOverwrite[]).map(parseOverwrite);
		if (overwrites.length > 0) {
			requireGrantable(
				emulator,
				guildId,
				parent?.id ?? null,
				overwrites.reduce((bits, overwrite) => bits | overwrite.allow | overwrite.deny, 0n)
			);
		}
		const existing = state.guildChannels(guildId);
		if (existing.length >= MAX_GUILD_CHANNELS) throw Errors.maxChannels();
		if (parent && existing.filter((channel) => channel.parentId === parent.id).length >= MAX_CATEGORY_CHILDREN) {
			throw new ApiError(400, 50035, 'Invalid Form Body', {
				parent_id: {
					_errors: [{ code: 'CHANNEL_PARENT_MAX_CHANNELS', message: 'Maximum number of channels in category reached (50)' }]
				}
			});
		}
		const channel: EChannel = {
			id: state.newId(),
			guildId,
			type,
			name: normaliseChannelName(body.name, type),
			parentId,
			position: typeof body.position === 'number' ? body.position : existing.length,
			topic: (body.topic as string | undefined) ?? null,
			overwrites:
				body.permission_overwrites === undefined && parent
					? parent.overwrites.map((overwrite) => ({ ...overwrite }))
					: overwrites,
			lastMessageId: null,
			renames: []
		};
		state.channels.set(channel.id, channel);
		emulator.dispatch(GatewayDispatchEvents.ChannelCreate, state.apiChannel(channel), guildId);
		return { status: 201, body: state.apiChannel(channel) };
	});

	router.add('PATCH', '/guilds/:guildId/channels', ({ params, body }) => {
		requireGuildPermissions(emulator, params.guildId!, P.ManageChannels);
		for (const entry of body as { id: string; position?: number; parent_id?: string | null }[]) {
			const channel = guildChannel(entry.id);
			if (typeof entry.position === 'number') channel.position = entry.position;
			if (entry.parent_id !== undefined) channel.parentId = entry.parent_id;
			update(channel);
		}
	});

	router.add('GET', '/channels/:channelId', ({ params }) => {
		const channel = guildChannel(params.channelId!);
		if (channel.guildId && !(state.permissionsIn(channel.id, emulator.botId) & P.ViewChannel)) throw Errors.missingAccess();
		return { body: state.apiChannel(channel) };
	});

	router.add('PATCH', '/channels/:channelId', ({ params, body }) => {
		const channel = guildChannel(params.channelId!);
		requireChannelPermissions(emulator, channel.id, P.ManageChannels);
		const now = Date.now();
		if (body.name !== undefined) {
			const name = normaliseChannelName(body.name, channel.type);
			if (name !== channel.name) {
				channel.renames = channel.renames.filter((at) => now - at < RENAME_WINDOW_MS);
				if (channel.renames.length >= RENAMES_PER_WINDOW) {
					// Discord answers the third rename within ten minutes with a long 429 on that channel.
					throw sharedRateLimit(channel.renames[0]! + RENAME_WINDOW_MS - now);
				}
				channel.renames.push(now);
				channel.name = name;
			}
		}
		if (body.topic !== undefined) channel.topic = body.topic;
		if (body.parent_id !== undefined) channel.parentId = body.parent_id;
		if (typeof body.position === 'number') channel.position = body.position;
		if (body.permission_overwrites !== undefined) {
			requireChannelPermissions(emulator, channel.id, P.ManageRoles);
			const overwrites = (body.permission_overwrites as ApiOverwrite[]).map(parseOverwrite);
			requireGrantable(
				emulator,
				channel.guildId!,
				channel.id,
				overwrites.reduce((bits, overwrite) => bits | overwrite.allow | overwrite.deny, 0n)
			);
			channel.overwrites = overwrites;
		}
		update(channel);
		return { body: state.apiChannel(channel) };
	});

	router.add('DELETE', '/channels/:channelId', ({ params }) => {
		const channel = guildChannel(params.channelId!);
		requireChannelPermissions(emulator, channel.id, P.ManageChannels);
		state.channels.delete(channel.id);
		for (const message of state.channelMessages(channel.id, { includeEphemeral: true })) message.deleted = true;
		emulator.dispatch(GatewayDispatchEvents.ChannelDelete, state.apiChannel(channel), channel.guildId);
		return { body: state.apiChannel(channel) };
	});

	router.add('PUT', '/channels/:channelId/permissions/:overwriteId', ({ params, body }) => {
		const channel = guildChannel(params.channelId!);
		requireChannelPermissions(emulator, channel.id, P.ManageRoles);
		const overwrite = parseOverwrite({ ...(body as ApiOverwrite), id: params.overwriteId! });
		requireGrantable(emulator, channel.guildId!, channel.id, overwrite.allow | overwrite.deny);
		channel.overwrites = [...channel.overwrites.filter((entry) => entry.id !== overwrite.id), overwrite];
		// Discord answers 204 and then tells every client through CHANNEL_UPDATE.
		update(channel);
	});

	router.add('DELETE', '/channels/:channelId/permissions/:overwriteId', ({ params }) => {
		const channel = guildChannel(params.channelId!);
		requireChannelPermissions(emulator, channel.id, P.ManageRoles);
		channel.overwrites = channel.overwrites.filter((entry) => entry.id !== params.overwriteId);
		update(channel);
	});
}
