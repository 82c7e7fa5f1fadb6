import { type ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { basePermissions, channelPermissions, type PermissionOverwrite, type PermissionRole } from './permissions.js';
import { type SnowflakeGenerator } from './snowflake.js';

export interface EUser {
	id: string;
	username: string;
	globalName: string | null;
	bot: boolean;
	/** The user does not accept DMs from the bot (50007). */
	dmsClosed?: boolean;
	/** The language of the user's Discord client, sent with each interaction (default en-US). */
	locale?: string;
	/** What /users/@me shows a token with the email scope (null: an account without one). */
	email?: string;
}

export interface ERole extends PermissionRole {
	name: string;
	position: number;
	color: number;
	hoist: boolean;
	mentionable: boolean;
	managed: boolean;
}

export interface EMember {
	userId: string;
	roleIds: string[];
	nick: string | null;
	joinedAt: string;
	communicationDisabledUntil: string | null;
}

export interface EChannel {
	id: string;
	guildId: string | null;
	type: ChannelType;
	name: string;
	parentId: string | null;
	position: number;
	topic: string | null;
	overwrites: PermissionOverwrite[];
	/** For a DM channel: the recipient. */
	recipientId?: string;
	lastMessageId: string | null;
	/** Times of the renames, for Discord's 2 renames per 10 minutes. */
	renames: number[];
}

export interface EAttachment {
	id: string;
	filename: string;
	size: number;
	url: string;
	contentType: string | null;
	data: Buffer;
	/** The query of its signed URL (`ex`, `is`, `hm`): the CDN serves it only with this, until expiresAt. */
	signedQuery: string;
	expiresAt: number;
}

export interface EMessage {
	id: string;
	channelId: string;
	guildId: string | null;
	authorId: string;
	content: string;
	embeds: unknown[];
	components: unknown[];
	attachments: EAttachment[];
	flags: number;
	createdAt: number;
	editedAt: number | null;
	/** An ephemeral interaction reply: only this user sees it. */
	ephemeralFor: string | null;
	/** Roles this message notified (mentioned and let through by allowed_mentions). */
	pingedRoleIds: string[];
	interactionId: string | null;
	webhookId: string | null;
	reference: { message_id: string; channel_id: string; guild_id?: string } | null;
	/** The nonce it was sent with, if any (Discord echoes it once, on creation). */
	nonce: string | null;
	deleted: boolean;
}

export interface EGuild {
	id: string;
	name: string;
	ownerId: string;
	roles: Map<string, ERole>;
	members: Map<string, EMember>;
	preferredLocale: string;
}

export interface EApplicationCommand {
	id: string;
	applicationId: string;
	guildId: string | null;
	version: string;
	body: Record<string, unknown>;
}

export interface EInteraction {
	id: string;
	token: string;
	type: number;
	guildId: string | null;
	channelId: string;
	userId: string;
	createdAt: number;
	payload: Record<string, unknown>;
	/** The first callback's type, once answered. */
	responseType: number | null;
	respondedAt: number | null;
	/** The reply message (type 4) or the message a deferred reply becomes. */
	originalMessageId: string | null;
	/** A deferred reply deleted while still "thinking…": the next follow-up is a message of its own. */
	originalDeleted: boolean;
	/** The component's message, for buttons and selects. */
	sourceMessageId: string | null;
	ephemeral: boolean;
	modal: Record<string, unknown> | null;
	autocompleteChoices: unknown[] | null;
	followUpIds: string[];
}

export interface EWebhook {
	id: string;
	token: string;
	guildId: string;
	channelId: string;
	name: string;
}

/** Everything Discord knows: the source of truth the REST API and the gateway read and change. */
export class DiscordState {
	public readonly users = new Map<string, EUser>();
	public readonly guilds = new Map<string, EGuild>();
	public readonly channels = new Map<string, EChannel>();
	public readonly messages = new Map<string, EMessage>();
	public readonly commands = new Map<string, EApplicationCommand>();
	public readonly interactions = new Map<string, EInteraction>();
	public readonly webhooks = new Map<string, EWebhook>();
	public readonly attachments = new Map<string, EAttachment>();

	public constructor(
		public readonly botUser: EUser,
		public readonly applicationId: string,
		public readonly ids: SnowflakeGenerator
	) {
		this.users.set(botUser.id, botUser);
	}

	public newId(): string {
		return this.ids.next();
	}

	// ---- look-ups -------------------------------------------------------------------------------

	public guild(id: string): EGuild {
		const guild = this.guilds.get(id);
		if (!guild) throw new Error(`no guild ${id}`);
		return guild;
	}

	public channel(id: string): EChannel {
		const channel = this.channels.get(id);
		if (!channel) throw new Error(`no channel ${id}`);
		return channel;
	}

	public user(id: string): EUser {
		const user = this.users.get(id);
		if (!user) throw new Error(`no user ${id}`);
		return user;
	}

	public guildChannels(guildId: string): EChannel[] {
		return [...this.channels.values()].filter((channel) => channel.guildId === guildId);
	}

	public channelMessages(channelId: string, options: { includeEphemeral?: boolean } = {}): EMessage[] {
		return [...this.messages.values()]
			.filter(
				(message) => message.channelId === channelId && !message.deleted && (options.includeEphemeral || !message.ephemeralFor)
			)
			.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
	}

	/** The member's permissions in a channel, by Discord's algorithm. */
	public permissionsIn(channelId: string, userId: string): bigint {
		const channel = this.channel(channelId);
		if (!channel.guildId)
			return channel.recipientId === userId || userId === this.botUser.id
				? P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.AttachFiles | P.EmbedLinks
				: 0n;
		const guild = this.guild(channel.guildId);
		const member = guild.members.get(userId);
		if (!member) return 0n;
		return channelPermissions(
			{
				guildId: guild.id,
				ownerId: guild.ownerId,
				userId,
				roleIds: member.roleIds,
				roles: guild.roles,
				timedOutUntil: member.communicationDisabledUntil ? Date.parse(member.communicationDisabledUntil) : null
			},
			channel.overwrites
		);
	}

	/** The member's guild-level permissions (no channel overwrites). */
	public guildPermissions(guildId: string, userId: string): bigint {
		const guild = this.guild(guildId);
		const member = guild.members.get(userId);
		if (!member) return 0n;
		return basePermissions({ guildId, ownerId: guild.ownerId, userId, roleIds: member.roleIds, roles: guild.roles });
	}

	/** The highest role position of a member (the owner outranks everyone). */
	public topRolePosition(guildId: string, userId: string): number {
		const guild = this.guild(guildId);
		if (guild.ownerId === userId) return Number.MAX_SAFE_INTEGER;
		const member = guild.members.get(userId);
		return Math.max(0, ...(member?.roleIds ?? []).map((id) => guild.roles.get(id)?.position ?? 0));
	}

	// ---- API shapes ---------------------------------------------------------------------------

	public apiUser(id: string) {
		const user = this.user(id);
		return {
			id: user.id,
			username: user.username,
			global_name: user.globalName,
			discriminator: '0',
			avatar: null,
			bot: user.bot || undefined,
			public_flags: 0,
			flags: 0
		};
	}

	public apiRole(role: ERole) {
		return {
			id: role.id,
			name: role.name,
			color: role.color,
			colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
			hoist: role.hoist,
			icon: null,
			unicode_emoji: null,
			position: role.position,
			permissions: role.permissions.toString(),
			managed: role.managed,
			mentionable: role.mentionable,
			flags: 0
		};
	}

	public apiMember(guildId: string, userId: string, withUser = true) {
		const member = this.guild(guildId).members.get(userId);
		if (!member) throw new Error(`no member ${userId} in ${guildId}`);
		return {
			...(withUser ? { user: this.apiUser(userId) } : {}),
			nick: member.nick,
			avatar: null,
			banner: null,
			roles: [...member.roleIds],
			joined_at: member.joinedAt,
			premium_since: null,
			deaf: false,
			mute: false,
			flags: 0,
			pending: false,
			communication_disabled_until: member.communicationDisabledUntil
		};
	}

	public apiChannel(channel: EChannel) {
		const base = {
			id: channel.id,
			type: channel.type,
			last_message_id: channel.lastMessageId,
			flags: 0
		};
		if (!channel.guildId) return { ...base, recipients: channel.recipientId ? [this.apiUser(channel.recipientId)] : [] };
		return {
			...base,
			guild_id: channel.guildId,
			name: channel.name,
			parent_id: channel.parentId,
			position: channel.position,
			topic: channel.topic,
			nsfw: false,
			rate_limit_per_user: 0,
			permission_overwrites: channel.overwrites.map((overwrite) => ({
				id: overwrite.id,
				type: overwrite.type,
				allow: overwrite.allow.toString(),
				deny: overwrite.deny.toString()
			}))
		};
	}

	public apiMessage(message: EMessage) {
		const interaction = message.interactionId ? this.interactions.get(message.interactionId) : undefined;
		return {
			id: message.id,
			type: message.reference && !message.interactionId ? 19 : message.interactionId ? 20 : 0,
			channel_id: message.channelId,
			...(message.guildId ? { guild_id: message.guildId } : {}),
			author: this.apiUser(message.authorId),
			...(message.guildId && this.guild(message.guildId).members.has(message.authorId)
				? { member: this.apiMember(message.guildId, message.authorId, false) }
				: {}),
			content: message.content,
			timestamp: new Date(message.createdAt).toISOString(),
			edited_timestamp: message.editedAt ? new Date(message.editedAt).toISOString() : null,
			tts: false,
			mention_everyone: false,
			mentions: [],
			mention_roles: message.pingedRoleIds,
			attachments: message.attachments.map((attachment) => ({
				id: attachment.id,
				filename: attachment.filename,
				size: attachment.size,
				url: attachment.url,
				proxy_url: attachment.url,
				content_type: attachment.contentType ?? undefined
			})),
			embeds: message.embeds,
			components: message.components,
			pinned: false,
			flags: message.flags,
			...(message.webhookId ? { webhook_id: message.webhookId } : {}),
			...(message.reference ? { message_reference: message.reference } : {}),
			...(interaction
				? {
						application_id: this.applicationId,
						interaction_metadata: {
							id: interaction.id,
							type: interaction.type,
							user: this.apiUser(interaction.userId),
							authorizing_integration_owners: { '0': interaction.guildId ?? '0' }
						}
					}
				: {})
		};
	}

	public apiGuild(guild: EGuild) {
		return {
			id: guild.id,
			name: guild.name,
			icon: null,
			splash: null,
			discovery_splash: null,
			owner_id: guild.ownerId,
			afk_channel_id: null,
			afk_timeout: 300,
			verification_level: 0,
			default_message_notifications: 0,
			explicit_content_filter: 0,
			roles: [...guild.roles.values()].map((role) => this.apiRole(role)),
			emojis: [],
			stickers: [],
			features: [],
			mfa_level: 0,
			application_id: null,
			system_channel_id: null,
			system_channel_flags: 0,
			rules_channel_id: null,
			public_updates_channel_id: null,
			safety_alerts_channel_id: null,
			vanity_url_code: null,
			description: null,
			banner: null,
			premium_tier: 0,
			premium_subscription_count: 0,
			preferred_locale: guild.preferredLocale,
			nsfw_level: 0,
			premium_progress_bar_enabled: false,
			max_members: 500_000,
			max_video_channel_users: 25
		};
	}

	/** A guild as the user sees it in GET /users/@me/guilds: their permissions and whether they own it. */
	public apiPartialGuild(guild: EGuild, userId: string) {
		return {
			id: guild.id,
			name: guild.name,
			icon: null,
			banner: null,
			owner: guild.ownerId === userId,
			permissions: this.guildPermissions(guild.id, userId).toString(),
			features: []
		};
	}

	/** The GUILD_CREATE payload: the guild with its channels, members and the bot's join time. */
	public guildCreatePayload(guild: EGuild) {
		return {
			...this.apiGuild(guild),
			joined_at: guild.members.get(this.botUser.id)?.joinedAt ?? new Date().toISOString(),
			large: false,
			unavailable: false,
			member_count: guild.members.size,
			members: [...guild.members.keys()].map((userId) => this.apiMember(guild.id, userId)),
			channels: this.guildChannels(guild.id).map((channel) => this.apiChannel(channel)),
			threads: [],
			presences: [],
			voice_states: [],
			stage_instances: [],
			guild_scheduled_events: [],
			soundboard_sounds: []
		};
	}
}
