import {
	ApplicationCommandOptionType,
	ChannelType,
	ComponentType,
	GatewayDispatchEvents,
	InteractionType,
	PermissionFlagsBits as P
} from 'discord-api-types/v10';
import { randomBytes } from 'node:crypto';
import type { Emulator } from './Emulator.js';
import type { PermissionOverwrite } from './permissions.js';
import { bulkDeleteMessages, createMessage, deleteMessage, editMessage } from './rest/messages.js';
import type { UploadedFile } from './rest/router.js';
import type { EChannel, EGuild, EInteraction, EMessage, ERole, EUser } from './state.js';

/** What a new guild's @everyone may do, as Discord sets it. */
export const EVERYONE_DEFAULT =
	P.ViewChannel |
	P.SendMessages |
	P.ReadMessageHistory |
	P.EmbedLinks |
	P.AttachFiles |
	P.AddReactions |
	P.UseExternalEmojis |
	P.UseApplicationCommands |
	P.CreateInstantInvite |
	P.ChangeNickname |
	P.Connect |
	P.Speak;

/** What the bot's invite asks for (README, "Security"): no Administrator. */
export const BOT_PERMISSIONS =
	P.ViewChannel |
	P.ManageChannels |
	P.ManageRoles |
	P.SendMessages |
	P.EmbedLinks |
	P.AttachFiles |
	P.ReadMessageHistory |
	P.ManageMessages |
	P.ModerateMembers |
	P.ManageWebhooks;

export type OptionValue = string | number | boolean;

/** Discord's world as tests build it and act in it: users, guilds, channels, and users' actions. */
export class World {
	public constructor(private readonly emulator: Emulator) {}

	private get state() {
		return this.emulator.state;
	}

	public createUser(username: string, options: { bot?: boolean; dmsClosed?: boolean; locale?: string } = {}): EUser {
		const user: EUser = {
			id: this.state.newId(),
			username,
			globalName: null,
			bot: options.bot ?? false,
			dmsClosed: options.dmsClosed,
			locale: options.locale
		};
		this.state.users.set(user.id, user);
		return user;
	}

	/** A guild with its owner, the bot (with its own role) and a #general channel. */
	public createGuild(options: { name: string; owner: EUser; botPermissions?: bigint; locale?: string }): EGuild {
		const guild: EGuild = {
			id: this.state.newId(),
			name: options.name,
			ownerId: options.owner.id,
			roles: new Map(),
			members: new Map(),
			preferredLocale: options.locale ?? 'en-US'
		};
		this.state.guilds.set(guild.id, guild);
		guild.roles.set(guild.id, this.#role(guild.id, '@everyone', EVERYONE_DEFAULT, 0));
		const botRole = this.#role(this.state.newId(), this.state.botUser.username, options.botPermissions ?? BOT_PERMISSIONS, 10);
		botRole.managed = true;
		guild.roles.set(botRole.id, botRole);
		this.#join(guild, options.owner, []);
		this.#join(guild, this.state.botUser, [botRole.id]);
		this.#channel(guild, { name: 'general' });
		// The bot joined: a connected bot learns about the guild now.
		this.emulator.dispatch(GatewayDispatchEvents.GuildCreate, this.state.guildCreatePayload(guild), guild.id);
		return guild;
	}

	public createRole(guild: EGuild, name: string, permissions = 0n, position = 1): ERole {
		const role = this.#role(this.state.newId(), name, permissions, position);
		guild.roles.set(role.id, role);
		this.emulator.dispatch(
			GatewayDispatchEvents.GuildRoleCreate,
			{ guild_id: guild.id, role: this.state.apiRole(role) },
			guild.id
		);
		return role;
	}

	/** An admin changes what a role may do (GUILD_ROLE_UPDATE); botRole() finds the bot's own. */
	public setRolePermissions(guild: EGuild, role: ERole, permissions: bigint): void {
		role.permissions = permissions;
		this.emulator.dispatch(
			GatewayDispatchEvents.GuildRoleUpdate,
			{ guild_id: guild.id, role: this.state.apiRole(role) },
			guild.id
		);
	}

	/** The role Discord gave the bot when it joined the guild. */
	public botRole(guild: EGuild): ERole {
		return [...guild.roles.values()].find(
			(role) => role.managed && guild.members.get(this.state.botUser.id)?.roleIds.includes(role.id)
		)!;
	}

	/** An admin deletes a role (GUILD_ROLE_DELETE); members lose it. */
	public deleteRole(guild: EGuild, role: ERole): void {
		guild.roles.delete(role.id);
		for (const member of guild.members.values()) member.roleIds = member.roleIds.filter((id) => id !== role.id);
		this.emulator.dispatch(GatewayDispatchEvents.GuildRoleDelete, { guild_id: guild.id, role_id: role.id }, guild.id);
	}

	/** A user joins the guild (GUILD_MEMBER_ADD). */
	public addMember(guild: EGuild, user: EUser, roles: ERole[] = []): void {
		this.#join(
			guild,
			user,
			roles.map((role) => role.id)
		);
		this.emulator.dispatch(
			GatewayDispatchEvents.GuildMemberAdd,
			{ guild_id: guild.id, ...this.state.apiMember(guild.id, user.id) },
			guild.id
		);
	}

	/** The member leaves or is kicked (GUILD_MEMBER_REMOVE). */
	public removeMember(guild: EGuild, user: EUser): void {
		guild.members.delete(user.id);
		this.emulator.dispatch(
			GatewayDispatchEvents.GuildMemberRemove,
			{ guild_id: guild.id, user: this.state.apiUser(user.id) },
			guild.id
		);
	}

	public createChannel(
		guild: EGuild,
		options: { name: string; type?: ChannelType; parent?: EChannel; overwrites?: PermissionOverwrite[] }
	): EChannel {
		const channel = this.#channel(guild, options);
		this.emulator.dispatch(GatewayDispatchEvents.ChannelCreate, this.state.apiChannel(channel), guild.id);
		return channel;
	}

	/** A person deletes the channel in Discord: its messages go with it, and every client hears of it. */
	public deleteChannel(channel: EChannel): void {
		this.state.channels.delete(channel.id);
		for (const message of this.state.channelMessages(channel.id, { includeEphemeral: true })) message.deleted = true;
		this.emulator.dispatch(GatewayDispatchEvents.ChannelDelete, this.state.apiChannel(channel), channel.guildId);
	}

	public channelByName(guild: EGuild, name: string): EChannel | undefined {
		return this.state.guildChannels(guild.id).find((channel) => channel.name === name);
	}

	/** The user types a message in a channel they can write in (MESSAGE_CREATE). */
	public say(user: EUser, channel: EChannel, content: string, files: readonly UploadedFile[] = []): EMessage {
		const permissions = this.state.permissionsIn(channel.id, user.id);
		if ((permissions & (P.ViewChannel | P.SendMessages)) !== (P.ViewChannel | P.SendMessages)) {
			throw new Error(`${user.username} cannot send messages in #${channel.name}`);
		}
		return createMessage(this.emulator, { channelId: channel.id, authorId: user.id, payload: { content }, files: [...files] });
	}

	/** The author edits their message (MESSAGE_UPDATE with the whole message, as Discord sends it). */
	public edit(user: EUser, message: EMessage, content: string): EMessage {
		if (message.deleted) throw new Error(`message ${message.id} was deleted`);
		if (message.authorId !== user.id) throw new Error(`${user.username} cannot edit a message someone else wrote`);
		return editMessage(this.emulator, message, { content });
	}

	/** The author, or a member with Manage Messages in the channel, deletes a message (MESSAGE_DELETE). */
	public deleteMessage(user: EUser, message: EMessage): void {
		if (message.deleted) throw new Error(`message ${message.id} was deleted`);
		if (message.authorId !== user.id && (this.state.permissionsIn(message.channelId, user.id) & P.ManageMessages) === 0n)
			throw new Error(`${user.username} cannot delete a message someone else wrote without Manage Messages`);
		deleteMessage(this.emulator, message);
	}

	/** Another bot (a moderation tool) deletes messages of a channel at once (MESSAGE_DELETE_BULK). */
	public bulkDelete(channel: EChannel, messages: EMessage[]): void {
		if (messages.some((message) => message.channelId !== channel.id || message.deleted))
			throw new Error(`only messages still in #${channel.name} can be deleted in bulk there`);
		bulkDeleteMessages(this.emulator, channel.id, messages);
	}

	/** A slash command as Discord delivers it: `/name group? sub { options }`. */
	public slash(user: EUser, channel: EChannel, path: string[], options: Record<string, OptionValue> = {}): EInteraction {
		return this.#command(user, channel, path, options, InteractionType.ApplicationCommand);
	}

	/**
	 * What Discord sends while a member types in an autocomplete option (`focused`): the options so far,
	 * the focused one as typed text. The bot's choices land in the interaction's autocompleteChoices.
	 */
	public autocomplete(
		user: EUser,
		channel: EChannel,
		path: string[],
		options: Record<string, OptionValue>,
		focused: string
	): EInteraction {
		return this.#command(user, channel, path, options, InteractionType.ApplicationCommandAutocomplete, focused);
	}

	#command(
		user: EUser,
		channel: EChannel,
		path: string[],
		options: Record<string, OptionValue>,
		type: InteractionType,
		focused?: string
	): EInteraction {
		const [name, ...rest] = path;
		const command = [...this.state.commands.values()].find(
			(entry) => entry.body.name === name && (entry.guildId === null || entry.guildId === channel.guildId)
		);
		if (!command) throw new Error(`no application command /${name} is registered`);
		const leaf = Object.entries(options).map(([optionName, value]) => ({
			name: optionName,
			type: optionType(command.body, rest, optionName),
			value,
			...(optionName === focused ? { focused: true } : {})
		}));
		let tree: unknown[] = leaf;
		if (rest.length === 2) {
			tree = [
				{
					name: rest[0],
					type: ApplicationCommandOptionType.SubcommandGroup,
					options: [{ name: rest[1], type: ApplicationCommandOptionType.Subcommand, options: leaf }]
				}
			];
		} else if (rest.length === 1) {
			tree = [{ name: rest[0], type: ApplicationCommandOptionType.Subcommand, options: leaf }];
		}
		return this.#interaction(user, channel, type, {
			id: command.id,
			name,
			type: 1,
			options: tree,
			resolved: this.#resolved(channel.guildId, leaf),
			...(command.guildId ? { guild_id: command.guildId } : {})
		});
	}

	/** A message context menu command (right click on a message, Apps), as Discord delivers it. */
	public messageCommand(user: EUser, message: EMessage, name: string): EInteraction {
		const channel = this.state.channel(message.channelId);
		const command = [...this.state.commands.values()].find(
			(entry) =>
				entry.body.name === name && entry.body.type === 3 && (entry.guildId === null || entry.guildId === channel.guildId)
		);
		if (!command) throw new Error(`no message command "${name}" is registered`);
		return this.#interaction(user, channel, InteractionType.ApplicationCommand, {
			id: command.id,
			name,
			type: 3,
			target_id: message.id,
			resolved: { messages: { [message.id]: this.state.apiMessage(message) } },
			...(command.guildId ? { guild_id: command.guildId } : {})
		});
	}

	/** Discord sends the users, members, channels and roles that options name, resolved. */
	#resolved(guildId: string | null, options: { type: number; value: OptionValue }[]) {
		const resolved: Record<string, Record<string, unknown>> = {};
		const put = (kind: string, id: string, value: unknown) => ((resolved[kind] ??= {})[id] = value);
		for (const option of options) {
			const id = String(option.value);
			if (option.type === ApplicationCommandOptionType.User || option.type === ApplicationCommandOptionType.Mentionable) {
				if (this.state.users.has(id)) {
					put('users', id, this.state.apiUser(id));
					if (guildId && this.state.guild(guildId).members.has(id)) put('members', id, this.state.apiMember(guildId, id, false));
					continue;
				}
			}
			if (option.type === ApplicationCommandOptionType.Channel && this.state.channels.has(id)) {
				put('channels', id, { ...this.state.apiChannel(this.state.channel(id)), permissions: '0' });
			}
			if (
				(option.type === ApplicationCommandOptionType.Role || option.type === ApplicationCommandOptionType.Mentionable) &&
				guildId
			) {
				const role = this.state.guild(guildId).roles.get(id);
				if (role) put('roles', id, this.state.apiRole(role));
			}
		}
		return resolved;
	}

	/** Clicks the button with this label (or custom ID) on a message. */
	public click(user: EUser, message: EMessage, label: string): EInteraction {
		const button = components(message).find(
			(component) => component.type === ComponentType.Button && (component.label === label || component.custom_id === label)
		);
		if (!button) throw new Error(`no button "${label}" on message ${message.id}; buttons: ${describeComponents(message)}`);
		if (button.disabled) throw new Error(`button "${label}" is disabled`);
		return this.#interaction(
			user,
			this.state.channel(message.channelId),
			InteractionType.MessageComponent,
			{ custom_id: button.custom_id, component_type: ComponentType.Button },
			message
		);
	}

	/**
	 * A click a modified client sends: a button interaction naming a custom ID the message does not carry
	 * (Discord delivers it; the bot must not trust it).
	 */
	public forgedClick(user: EUser, message: EMessage, customId: string): EInteraction {
		return this.#interaction(
			user,
			this.state.channel(message.channelId),
			InteractionType.MessageComponent,
			{ custom_id: customId, component_type: ComponentType.Button },
			message
		);
	}

	/** Picks options of the select menu (the first one, or the one with this custom ID). */
	public select(user: EUser, message: EMessage, values: string[], customId?: string): EInteraction {
		const menu = components(message).find(
			(component) => component.type === ComponentType.StringSelect && (!customId || component.custom_id === customId)
		);
		if (!menu) throw new Error(`no select menu on message ${message.id}; components: ${describeComponents(message)}`);
		const allowed = new Set(((menu.options ?? []) as { value: string }[]).map((option) => option.value));
		const unknown = values.filter((value) => !allowed.has(value));
		if (unknown.length) throw new Error(`select menu has no option ${unknown.join(', ')}`);
		return this.#interaction(
			user,
			this.state.channel(message.channelId),
			InteractionType.MessageComponent,
			{ custom_id: menu.custom_id, component_type: ComponentType.StringSelect, values },
			message
		);
	}

	/**
	 * Picks roles or channels in a role or channel select menu, as the client sends it: the IDs as values
	 * and the picked objects under `resolved`. Discord's own checks apply (count, channel kinds, existence).
	 */
	public pick(user: EUser, message: EMessage, customId: string, ids: string[]): EInteraction {
		const menu = components(message).find((component) => component.custom_id === customId);
		if (!menu || (menu.type !== ComponentType.RoleSelect && menu.type !== ComponentType.ChannelSelect))
			throw new Error(
				`no role or channel select menu ${customId} on message ${message.id}; components: ${describeComponents(message)}`
			);
		if (ids.length < (menu.min_values ?? 1) || ids.length > (menu.max_values ?? 1))
			throw new Error(`select menu ${customId} takes ${menu.min_values ?? 1} to ${menu.max_values ?? 1} values`);
		const channel = this.state.channel(message.channelId);
		const guild = this.state.guild(channel.guildId!);
		let resolved: Record<string, Record<string, unknown>>;
		if (menu.type === ComponentType.RoleSelect) {
			const roles = ids.map((id) => guild.roles.get(id) ?? null);
			if (roles.includes(null)) throw new Error(`select menu ${customId}: no such role`);
			resolved = { roles: Object.fromEntries(roles.map((role) => [role!.id, this.state.apiRole(role!)])) };
		} else {
			const channels = ids.map((id) => this.state.channels.get(id) ?? null);
			if (channels.some((picked) => !picked || picked.guildId !== guild.id))
				throw new Error(`select menu ${customId}: no such channel`);
			if (menu.channel_types && channels.some((picked) => !menu.channel_types!.includes(picked!.type)))
				throw new Error(`select menu ${customId} does not offer that kind of channel`);
			resolved = {
				channels: Object.fromEntries(
					channels.map((picked) => [
						picked!.id,
						{
							id: picked!.id,
							name: picked!.name,
							type: picked!.type,
							permissions: String(this.state.permissionsIn(picked!.id, user.id))
						}
					])
				)
			};
		}
		return this.#interaction(
			user,
			channel,
			InteractionType.MessageComponent,
			{ custom_id: menu.custom_id, component_type: menu.type, values: ids, resolved },
			message
		);
	}

	/** Fills the modal an interaction answered with (fields by label or custom ID) and submits it. */
	public submitModal(user: EUser, opened: EInteraction, values: Record<string, string>): EInteraction {
		const modal = opened.modal as {
			custom_id: string;
			components: { components: { custom_id: string; label?: string }[] }[];
		} | null;
		if (!modal) throw new Error('the interaction did not open a modal');
		const inputs = modal.components.flatMap((row) => row.components);
		for (const key of Object.keys(values)) {
			if (!inputs.some((input) => input.label === key || input.custom_id === key))
				throw new Error(`the modal has no field "${key}"`);
		}
		const rows = inputs.map((input) => ({
			type: ComponentType.ActionRow,
			components: [
				{
					type: ComponentType.TextInput,
					custom_id: input.custom_id,
					value: values[input.label ?? ''] ?? values[input.custom_id] ?? ''
				}
			]
		}));
		const source = opened.sourceMessageId ? this.state.messages.get(opened.sourceMessageId) : undefined;
		return this.#interaction(
			user,
			this.state.channel(opened.channelId),
			InteractionType.ModalSubmit,
			{ custom_id: modal.custom_id, components: rows },
			source
		);
	}

	#interaction(
		user: EUser,
		channel: EChannel,
		type: InteractionType,
		data: Record<string, unknown>,
		message?: EMessage
	): EInteraction {
		const { state } = this;
		const now = Date.now();
		const interaction: EInteraction = {
			id: state.ids.next(now),
			token: `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`,
			type,
			guildId: channel.guildId,
			channelId: channel.id,
			userId: user.id,
			createdAt: now,
			payload: {},
			responseType: null,
			respondedAt: null,
			originalMessageId: null,
			sourceMessageId: message?.id ?? null,
			ephemeral: false,
			modal: null,
			autocompleteChoices: null,
			originalDeleted: false,
			followUpIds: []
		};
		const guild = channel.guildId ? state.guild(channel.guildId) : null;
		interaction.payload = {
			id: interaction.id,
			application_id: state.applicationId,
			type,
			data,
			token: interaction.token,
			version: 1,
			channel_id: channel.id,
			channel: state.apiChannel(channel),
			locale: user.locale ?? 'en-US',
			entitlements: [],
			authorizing_integration_owners: guild ? { '0': guild.id } : { '1': user.id },
			context: guild ? 0 : 1,
			attachment_size_limit: 10_485_760,
			app_permissions: state.permissionsIn(channel.id, state.botUser.id).toString(),
			...(guild
				? {
						guild_id: guild.id,
						guild_locale: guild.preferredLocale,
						guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
						member: { ...state.apiMember(guild.id, user.id), permissions: state.permissionsIn(channel.id, user.id).toString() }
					}
				: { user: state.apiUser(user.id) }),
			...(message ? { message: state.apiMessage(message) } : {})
		};
		state.interactions.set(interaction.id, interaction);
		this.emulator.dispatch(GatewayDispatchEvents.InteractionCreate, interaction.payload, channel.guildId);
		return interaction;
	}

	#role(id: string, name: string, permissions: bigint, position: number): ERole {
		return { id, name, permissions, position, color: 0, hoist: false, mentionable: false, managed: false };
	}

	#join(guild: EGuild, user: EUser, roleIds: string[]): void {
		guild.members.set(user.id, {
			userId: user.id,
			roleIds,
			nick: null,
			joinedAt: new Date().toISOString(),
			communicationDisabledUntil: null
		});
	}

	#channel(
		guild: EGuild,
		options: { name: string; type?: ChannelType; parent?: EChannel; overwrites?: PermissionOverwrite[] }
	): EChannel {
		const channel: EChannel = {
			id: this.state.newId(),
			guildId: guild.id,
			type: options.type ?? ChannelType.GuildText,
			name: options.name,
			parentId: options.parent?.id ?? null,
			position: this.state.guildChannels(guild.id).length,
			topic: null,
			overwrites: options.overwrites ?? [],
			lastMessageId: null,
			renames: []
		};
		this.state.channels.set(channel.id, channel);
		return channel;
	}
}

interface ComponentShape {
	type: number;
	custom_id: string;
	label?: string;
	disabled?: boolean;
	options?: unknown[];
	min_values?: number;
	max_values?: number;
	channel_types?: number[];
}

function components(message: EMessage): ComponentShape[] {
	return (message.components as { components?: ComponentShape[] }[]).flatMap((row) => row.components ?? []);
}

function describeComponents(message: EMessage): string {
	return (
		components(message)
			.map((component) => component.label ?? component.custom_id)
			.join(', ') || '(none)'
	);
}

/** The option's type from the registered command, so values arrive typed as Discord types them. */
function optionType(body: Record<string, unknown>, path: string[], name: string): number {
	let options = (body.options ?? []) as { name: string; type: number; options?: unknown[] }[];
	for (const segment of path) options = (options.find((option) => option.name === segment)?.options ?? []) as typeof options;
	const option = options.find((entry) => entry.name === name);
	if (!option) throw new Error(`/${String(body.name)} ${path.join(' ')} has no option "${name}"`);
	return option.type;
}
