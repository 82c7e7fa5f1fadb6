import { ChannelType, InteractionResponseType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { Emulator, type EmulatorOptions } from '../emulator/Emulator.js';
import type { UploadedFile } from '../emulator/rest/router.js';
import type { EChannel, EGuild, EInteraction, EMessage, ERole, EUser } from '../emulator/state.js';
import { World, type OptionValue } from '../emulator/world.js';

export interface GuildFixture {
	guild: EGuild;
	general: EChannel;
	roles: { admin: ERole; staff: ERole };
	owner: Actor;
	admin: Actor;
	staff: Actor;
	alice: Actor;
	bob: Actor;
}

/** What an interaction led to, as the user sees it. */
export interface Answer {
	interaction: EInteraction;
	/** The reply or updated message, once there is one. */
	message: EMessage | null;
	content: string;
	ephemeral: boolean;
	/** The modal the bot opened, if it did. */
	modal: Record<string, unknown> | null;
}

// Generous, because a wait returns as soon as its condition holds: on a loaded machine (two test files at
// once on two cores, one of them a burst of 200 tickets) a bot may need several seconds for a step that
// takes milliseconds alone. A test that expects nothing to happen checks after its own short pause.
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A test's Discord: the emulator, a world to build, and members to act as. Every wait has a timeout
 * and a message that says what was awaited.
 */
export class TestDiscord {
	public readonly world: World;

	private constructor(public readonly emulator: Emulator) {
		this.world = new World(emulator);
	}

	public static async start(options: EmulatorOptions = {}): Promise<TestDiscord> {
		return new TestDiscord(await new Emulator(options).start());
	}

	public get state() {
		return this.emulator.state;
	}

	public async stop(): Promise<void> {
		await this.emulator.stop();
	}

	/** A guild with an owner, an admin (Manage Guild), a staff member (Support role) and two members. */
	public createGuild(name = 'Test Guild'): GuildFixture {
		const owner = this.world.createUser(`${name.toLowerCase().replace(/\W+/g, '-')}-owner`);
		const guild = this.world.createGuild({ name, owner });
		const admin = this.world.createRole(guild, 'Admin', P.ManageGuild | P.ManageChannels | P.ManageRoles, 5);
		const staff = this.world.createRole(guild, 'Support', 0n, 2);
		const member = (username: string, roles: ERole[] = []) => this.join(guild, username, roles);
		return {
			guild,
			general: this.world.channelByName(guild, 'general')!,
			roles: { admin, staff },
			owner: this.as(owner),
			admin: member('admin', [admin]),
			staff: member('staff', [staff]),
			alice: member('alice'),
			bob: member('bob')
		};
	}

	/** A new user joins the guild (the bot sees GUILD_MEMBER_ADD). */
	public join(guild: EGuild, username: string, roles: ERole[] = []): Actor {
		const user = this.world.createUser(username);
		this.world.addMember(guild, user, roles);
		return this.as(user);
	}

	public as(user: EUser): Actor {
		return new Actor(this, user);
	}

	/** Polls until check returns a value other than undefined/false, or fails saying what it waited for. */
	public async waitFor<T>(check: () => T | undefined | false | null, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = check();
			if (value !== undefined && value !== false && value !== null) return value;
			if (Date.now() > deadline) {
				const recent = this.emulator.calls
					.slice(-8)
					.map((call) => `  ${call.status} ${call.method} ${call.path}`)
					.join('\n');
				throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nlast REST calls:\n${recent || '  (none)'}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}

	/** Like waitFor, for checks that ask a database. */
	public async eventually<T>(
		check: () => Promise<T | undefined | false | null>,
		what: string,
		timeoutMs = DEFAULT_TIMEOUT_MS
	): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = await check();
			if (value !== undefined && value !== false && value !== null) return value;
			if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	/** Waits until the bot has answered the interaction and, for a deferred reply, until it has said something. */
	public async answer(interaction: EInteraction, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Answer> {
		await this.waitFor(() => interaction.responseType !== null, `an answer to interaction ${interaction.id}`, timeoutMs);
		if (interaction.responseType === InteractionResponseType.DeferredChannelMessageWithSource) {
			// The deferred reply, or (when the bot withdrew a public "thinking…" to answer privately) the follow-up.
			await this.waitFor(
				() => interaction.originalMessageId ?? (interaction.originalDeleted && interaction.followUpIds[0]),
				`the deferred reply to interaction ${interaction.id}`,
				timeoutMs
			);
		}
		const id =
			interaction.responseType === InteractionResponseType.UpdateMessage ||
			interaction.responseType === InteractionResponseType.DeferredMessageUpdate
				? interaction.sourceMessageId
				: (interaction.originalMessageId ?? interaction.followUpIds[0]);
		const message = id ? (this.state.messages.get(id) ?? null) : null;
		return {
			interaction,
			message,
			content: message?.content ?? '',
			ephemeral: Boolean(message?.ephemeralFor),
			modal: interaction.modal
		};
	}

	/** Waits for a message in the channel (from anyone) that matches. */
	public async message(
		channel: EChannel,
		matches: (message: EMessage) => boolean,
		what: string,
		timeoutMs = DEFAULT_TIMEOUT_MS
	): Promise<EMessage> {
		return this.waitFor(() => this.state.channelMessages(channel.id).find(matches), what, timeoutMs);
	}

	/** The guild's admin creates a panel in #general (default button unless options say) and posts it; its message. */
	public async postPanel(
		home: GuildFixture,
		panelId: string,
		title: string,
		options: Record<string, string | number | boolean> = {}
	): Promise<EMessage> {
		await home.admin.slash(home.general, ['admin', 'panel_create'], {
			panel_id: panelId,
			channel: home.general.id,
			title,
			...options
		});
		await home.admin.slash(home.general, ['admin', 'panel_deploy'], { panel_id: panelId });
		return this.botMessages(home.general).at(-1)!;
	}

	/** Direct messages the bot sent this user, oldest first. */
	public dmsOf(user: { id: string }): EMessage[] {
		return [...this.state.channels.values()]
			.filter((channel) => channel.type === ChannelType.DM && channel.recipientId === user.id)
			.flatMap((channel) => this.botMessages(channel));
	}

	/** Messages the bot posted in a channel, oldest first. */
	public botMessages(channel: EChannel): EMessage[] {
		return this.state.channelMessages(channel.id).filter((message) => message.authorId === this.emulator.botId);
	}
}

/** A member of a guild, doing what a person in the Discord client would do. */
export class Actor {
	public constructor(
		private readonly discord: TestDiscord,
		public readonly user: EUser
	) {}

	public get id(): string {
		return this.user.id;
	}

	/** Runs a slash command (`['ticket', 'claim']`) and waits for the bot's answer. */
	public slash(channel: EChannel, path: string[], options: Record<string, OptionValue> = {}): Promise<Answer> {
		return this.discord.answer(this.discord.world.slash(this.user, channel, path, options));
	}

	/** Types `typed` into an autocomplete option of a slash command; the choices the bot offers. */
	public async autocomplete(
		channel: EChannel,
		path: string[],
		option: string,
		typed: string,
		others: Record<string, OptionValue> = {}
	): Promise<{ name: string; value: string }[]> {
		const interaction = this.discord.world.autocomplete(this.user, channel, path, { ...others, [option]: typed }, option);
		await this.discord.waitFor(() => interaction.autocompleteChoices, `autocomplete choices for ${option}`);
		return interaction.autocompleteChoices as { name: string; value: string }[];
	}

	/** Runs a message context menu command on a message ("Apps" on the message) and waits for the answer. */
	public messageCommand(message: EMessage, name: string): Promise<Answer> {
		return this.discord.answer(this.discord.world.messageCommand(this.user, message, name));
	}

	/** Types a message; returns it (the bot's reaction is awaited separately). */
	public say(channel: EChannel, content: string, files: readonly UploadedFile[] = []): EMessage {
		return this.discord.world.say(this.user, channel, content, files);
	}

	/** Edits a message this member wrote. */
	public edit(message: EMessage, content: string): EMessage {
		return this.discord.world.edit(this.user, message, content);
	}

	/** Deletes a message (their own, or anyone's with Manage Messages). */
	public deleteMessage(message: EMessage): void {
		this.discord.world.deleteMessage(this.user, message);
	}

	/**
	 * Types a prefix command whose answer only the caller may read: the channel is only told it went by
	 * direct message, and that message is returned.
	 */
	public async commandByDm(channel: EChannel, content: string): Promise<EMessage> {
		const before = this.discord.dmsOf(this.user).length;
		const reply = await this.command(channel, content);
		if (reply.content !== 'I sent you the answer by direct message.')
			throw new Error(`"${content}": expected the answer by DM, the channel read ${JSON.stringify(reply.content)}`);
		return this.discord.dmsOf(this.user)[before]!;
	}

	/** Types a prefix command and waits for the bot's reply to it. */
	public async command(channel: EChannel, content: string): Promise<EMessage> {
		const sent = this.say(channel, content);
		return this.discord.message(
			channel,
			(message) => message.reference?.message_id === sent.id,
			`the bot's reply to "${content}"`
		);
	}

	public click(message: EMessage, label: string): Promise<Answer> {
		return this.discord.answer(this.discord.world.click(this.user, message, label));
	}

	/** Sends a click for a custom ID the message does not carry, as a modified client can. */
	public forgedClick(message: EMessage, customId: string): Promise<Answer> {
		return this.discord.answer(this.discord.world.forgedClick(this.user, message, customId));
	}

	public select(message: EMessage, values: string[], customId?: string): Promise<Answer> {
		return this.discord.answer(this.discord.world.select(this.user, message, values, customId));
	}

	/** Picks roles or channels (by ID) in the role or channel select menu with this custom ID. */
	public pick(message: EMessage, customId: string, ids: string[]): Promise<Answer> {
		return this.discord.answer(this.discord.world.pick(this.user, message, customId, ids));
	}

	/** Fills and submits the modal an earlier answer opened. */
	public submit(opened: Answer, values: Record<string, string>): Promise<Answer> {
		return this.discord.answer(this.discord.world.submitModal(this.user, opened.interaction, values));
	}

	/** Whether this member can see / write in a channel, by Discord's permission algorithm. */
	public can(channel: EChannel, permission: 'view' | 'send'): boolean {
		const bits = permission === 'view' ? P.ViewChannel : P.ViewChannel | P.SendMessages;
		return (this.discord.state.permissionsIn(channel.id, this.user.id) & bits) === bits;
	}
}
