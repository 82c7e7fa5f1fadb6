import {
	ChannelType,
	EmbedBuilder,
	DiscordAPIError,
	OverwriteType,
	PermissionFlagsBits,
	type PermissionOverwriteOptions,
	RESTJSONErrorCodes,
	type CategoryChannel,
	type Client,
	type Guild,
	type PermissionOverwrites,
	type TextChannel
} from 'discord.js';
import {
	sameOverwrites,
	type NewTicketChannel,
	type Overwrite,
	type TicketChannels,
	type TicketPost,
	postDigest,
	SERVER_CAPACITY,
	ServerFull
} from '../tickets/channels.js';
import { discordStep } from './failures.js';

/** Discord's limit of channels in one category. */
export const CATEGORY_CAPACITY = 50;

const fromDiscord = (overwrite: PermissionOverwrites): Overwrite => ({
	id: overwrite.id,
	kind: overwrite.type === OverwriteType.Member ? 'member' : 'role',
	allow: overwrite.allow.bitfield,
	deny: overwrite.deny.bitfield
});

const toDiscord = (overwrite: Overwrite) => ({
	id: overwrite.id,
	type: overwrite.kind === 'member' ? OverwriteType.Member : OverwriteType.Role,
	allow: overwrite.allow,
	deny: overwrite.deny
});

/**
 * The ticket channels on Discord: the one place the ticket operations' Discord calls are made. Each
 * change is one request, and a refusal comes back as a DiscordFailure that names what the bot needs and
 * where. A guild's events all reach the one process of its shard, so queueing a channel's overwrite
 * changes here keeps two made at once from losing either.
 */
export class TicketChannelGateway implements TicketChannels {
	/** The last change queued per channel: each waits for the one before. */
	readonly #queues = new Map<string, Promise<unknown>>();

	public constructor(private readonly client: () => Client) {}

	async #oneAtATime<T>(channelId: string, work: () => Promise<T>): Promise<T> {
		const before = this.#queues.get(channelId) ?? Promise.resolve();
		const run = before.catch(() => undefined).then(work);
		this.#queues.set(channelId, run);
		try {
			return await run;
		} finally {
			if (this.#queues.get(channelId) === run) this.#queues.delete(channelId);
		}
	}

	public botId(): string {
		return this.client().user!.id;
	}

	public async changeOverwrites(
		guildId: string,
		channelId: string,
		change: (current: readonly Overwrite[]) => Overwrite[] | Promise<Overwrite[]>,
		reason: string
	): Promise<void> {
		await this.#oneAtATime(channelId, async () => {
			const channel = await this.channel(guildId, channelId);
			if (!channel) return;
			const current = channel.permissionOverwrites.cache.map(fromDiscord);
			const next = await change(current);
			if (sameOverwrites(current, next)) return;
			await discordStep({ permission: 'ManageRoles', where: `<#${channelId}>` }, () =>
				applyChange(channel, current, next, reason)
			);
		});
	}

	public async rename(guildId: string, channelId: string, name: string, reason: string): Promise<void> {
		await discordStep({ permission: 'ManageChannels', where: `<#${channelId}>` }, async () => {
			const channel = await this.channel(guildId, channelId);
			if (!channel) throw unknownChannel();
			await channel.edit({ name, reason });
		});
	}

	public async delete(guildId: string, channelId: string, reason: string): Promise<void> {
		await discordStep({ permission: 'ManageChannels', where: `<#${channelId}>` }, async () => {
			const channel = await this.channel(guildId, channelId);
			await channel?.delete(reason).catch((error: unknown) => {
				if (!isUnknownChannel(error)) throw error;
			});
		});
	}

	public async create(guildId: string, spec: NewTicketChannel): Promise<string> {
		const guild = await this.guild(guildId);
		// Known full: no request Discord would refuse (an invalid request counts against the bot).
		if (!hasRoomForChannel(guild)) throw new ServerFull();
		return discordStep({ permission: 'ManageChannels', where: spec.parentId ? `<#${spec.parentId}>` : guild.name }, async () => {
			const parent = spec.parentId ? await parentWithRoom(guild, spec.parentId) : null;
			const channel = await guild.channels
				.create({
					name: spec.name,
					type: ChannelType.GuildText,
					topic: spec.topic,
					parent: parent?.id ?? null,
					permissionOverwrites: spec.overwrites.map(toDiscord)
				})
				.catch((error: unknown) => {
					if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MaximumNumberOfGuildChannelsReached)
						throw new ServerFull();
					throw error;
				});
			return channel.id;
		});
	}

	public async leftover(guildId: string, channelId: string | null, topicStart: string) {
		const guild = await this.guild(guildId);
		const channel = channelId
			? await this.channel(guildId, channelId)
			: (guild.channels.cache.find(
					(candidate): candidate is TextChannel =>
						candidate.type === ChannelType.GuildText && (candidate.topic ?? '').startsWith(topicStart)
				) ?? null);
		if (!channel) return null;
		const recent = await channel.messages.fetch({ limit: 10 });
		return { channelId: channel.id, posted: recent.some((message) => message.author.id === this.botId()) };
	}

	public async post(guildId: string, channelId: string, message: TicketPost): Promise<void> {
		await discordStep({ permission: 'SendMessages', where: `<#${channelId}>` }, async () => {
			const channel = await this.channel(guildId, channelId);
			if (!channel) throw unknownChannel();
			const body = message.embed
				? { embeds: [new EmbedBuilder().setTitle(message.embed.title).setDescription(message.content).setColor(0x5865f2)] }
				: { content: message.content };
			await channel.send({ ...body, allowedMentions: { parse: [], users: [...message.pingUserIds] } });
		});
	}

	public async countPosts(guildId: string, channelId: string, digest: string, since: Date): Promise<number> {
		const channel = await this.channel(guildId, channelId);
		if (!channel) return 0;
		const recent = await channel.messages.fetch({ limit: 50 });
		return recent.filter(
			(message) =>
				message.author.id === this.botId() &&
				message.createdAt >= since &&
				postDigest(message.embeds[0]?.description ?? message.content) === digest
		).size;
	}

	public guildName(guildId: string): string {
		return this.client().guilds.cache.get(guildId)?.name ?? '';
	}

	public async isMember(guildId: string, userId: string): Promise<boolean> {
		const guild = await this.guild(guildId);
		return guild.members.cache.has(userId) || Boolean(await guild.members.fetch(userId).catch(() => null));
	}

	private async guild(guildId: string): Promise<Guild> {
		return this.client().guilds.cache.get(guildId) ?? this.client().guilds.fetch(guildId);
	}

	/** The ticket's text channel, or null when it is gone. */
	private async channel(guildId: string, channelId: string): Promise<TextChannel | null> {
		const guild = await this.guild(guildId);
		const channel =
			guild.channels.cache.get(channelId) ??
			(await guild.channels.fetch(channelId).catch((error: unknown) => {
				if (isUnknownChannel(error)) return null;
				throw error;
			}));
		return channel?.type === ChannelType.GuildText ? channel : null;
	}
}

/**
 * The fewest calls for a change, each of which discord.js reflects in its cache: one overwrite put or
 * removed on its own (an edit made meanwhile in Discord's settings to another overwrite is kept), or
 * the whole list in one PATCH when several change together.
 */
async function applyChange(channel: TextChannel, current: readonly Overwrite[], next: readonly Overwrite[], reason: string) {
	const before = new Map(current.map((overwrite) => [overwrite.id, overwrite]));
	const after = new Map(next.map((overwrite) => [overwrite.id, overwrite]));
	const changed = next.filter(
		(overwrite) => !sameOverwrites([overwrite], before.has(overwrite.id) ? [before.get(overwrite.id)!] : [])
	);
	const removed = current.filter((overwrite) => !after.has(overwrite.id));
	if (changed.length === 1 && removed.length === 0) {
		const [overwrite] = changed as [Overwrite];
		await channel.permissionOverwrites.create(overwrite.id, flagsOf(overwrite), { type: toDiscord(overwrite).type, reason });
	} else if (changed.length === 0 && removed.length === 1) {
		await channel.permissionOverwrites.delete(removed[0]!.id, reason);
	} else {
		await channel.permissionOverwrites.set(next.map(toDiscord), reason);
	}
}

/** An overwrite as discord.js takes it for one target: each permission allowed, denied or left alone. */
function flagsOf(overwrite: Overwrite): PermissionOverwriteOptions {
	const flags: Record<string, boolean> = {};
	for (const [name, bit] of Object.entries(PermissionFlagsBits)) {
		if (overwrite.allow & bit) flags[name] = true;
		else if (overwrite.deny & bit) flags[name] = false;
	}
	return flags as PermissionOverwriteOptions;
}

const isUnknownChannel = (error: unknown) => error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel;

const unknownChannel = () =>
	new DiscordAPIError(
		{ code: RESTJSONErrorCodes.UnknownChannel, message: 'Unknown Channel' },
		RESTJSONErrorCodes.UnknownChannel,
		404,
		'GET',
		'',
		{}
	);

/** Whether the server has room for one more channel: Discord counts its channels (categories too), not threads. */
export function hasRoomForChannel(guild: Guild): boolean {
	return guild.channels.cache.filter((channel) => !channel.isThread()).size < SERVER_CAPACITY;
}

/** A full Discord category (50 channels) overflows into a sibling of the same name, created when none has room. */
async function parentWithRoom(guild: Guild, parentId: string): Promise<CategoryChannel | null> {
	const parent = guild.channels.cache.get(parentId);
	if (parent?.type !== ChannelType.GuildCategory) return null;
	const hasRoom = (category: CategoryChannel) =>
		guild.channels.cache.filter((channel) => channel.parentId === category.id).size < CATEGORY_CAPACITY;
	if (hasRoom(parent)) return parent;
	const base = parent.name.replace(/ \(\d+\)$/, '');
	const siblings = guild.channels.cache
		.filter(
			(channel): channel is CategoryChannel =>
				channel.type === ChannelType.GuildCategory && (channel.name === base || channel.name.startsWith(`${base} (`))
		)
		.sort((a, b) => a.position - b.position);
	const free = siblings.find(hasRoom);
	if (free) return free;
	return guild.channels.create({
		name: `${base} (${siblings.size + 1})`,
		type: ChannelType.GuildCategory,
		position: parent.position + siblings.size,
		permissionOverwrites: parent.permissionOverwrites.cache.map((overwrite) => ({
			id: overwrite.id,
			type: overwrite.type,
			allow: overwrite.allow,
			deny: overwrite.deny
		}))
	});
}
