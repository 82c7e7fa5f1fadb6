import { translatorFor } from '../discord/translate.js';
import {
	DiscordAPIError,
	MessageFlags,
	RESTJSONErrorCodes,
	type ChatInputCommandInteraction,
	type Guild,
	type GuildMember,
	type GuildTextBasedChannel,
	type InteractionReplyOptions,
	type Message,
	type MessageCreateOptions,
	type RepliableInteraction
} from 'discord.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { Translate } from '../i18n/notice.js';
import type { Audience } from '../tickets/outcome.js';
import type { CommandOptions } from './options.js';
import type { ChatServices } from './services.js';

export type ReplyPayload = Pick<MessageCreateOptions, 'content' | 'embeds' | 'components' | 'files'> & {
	/** Roles and members the message may notify; nobody else is pinged, whatever the content mentions. */
	pingRoles?: readonly string[];
	pingUsers?: readonly string[];
};

/** The text of a reply and who it notifies: nobody, unless it names roles or members to ping. */
export function withPings(input: string | ReplyPayload) {
	const { pingRoles = [], pingUsers = [], ...payload } = typeof input === 'string' ? { content: input } : input;
	return { payload, allowedMentions: { parse: [] as never[], roles: [...pingRoles], users: [...pingUsers] } };
}

/**
 * One invocation of a subcommand, whether typed as /command or !command: the caller, where, the
 * parsed options, their language, and one way to answer. Who reads the answer is the subcommand's
 * declared audience, never the caller's choice of surface.
 */
export interface CommandContext {
	readonly via: 'slash' | 'prefix';
	readonly guild: Guild;
	readonly member: GuildMember;
	readonly channel: GuildTextBasedChannel;
	readonly options: CommandOptions;
	/** The language of whoever reads the answer: the guild's for a channel answer, the caller's otherwise. */
	readonly t: Translate;
	readonly answer: Audience;
	/** What the piece that runs the command hands over (its container). */
	readonly services: ChatServices;
	/** The slash invocation, for flows that answer with a modal. */
	readonly interaction?: ChatInputCommandInteraction<'cached'>;
	/** Says "thinking…" for work that may take more than a moment. */
	defer(): Promise<void>;
	reply(payload: string | ReplyPayload): Promise<void>;
}

/**
 * The first answer to an interaction, before any other work (Discord allows 3 s, and a busy database
 * or a slow Discord must not eat them): "thinking…" where the answer will appear, for everyone in the
 * channel or for the caller alone. A refusal that follows a public one replaces it with a private line.
 */
export async function acknowledge(interaction: RepliableInteraction, answer: Audience): Promise<void> {
	if (interaction.deferred || interaction.replied) return;
	await interaction.deferReply(answer === 'channel' ? {} : { flags: MessageFlags.Ephemeral });
}

export async function slashContext(
	services: ChatServices,
	interaction: ChatInputCommandInteraction<'cached'>,
	options: CommandOptions,
	answer: Audience
): Promise<CommandContext> {
	const ephemeral = answer !== 'channel';
	return {
		via: 'slash',
		services,
		interaction,
		guild: interaction.guild,
		member: interaction.member,
		channel: interaction.channel!,
		options,
		answer,
		t: await translatorFor(ephemeral ? interaction : interaction.guild),
		defer: () => acknowledge(interaction, answer),
		reply: async (input) => {
			const { payload, allowedMentions } = withPings(input);
			const options: InteractionReplyOptions = {
				...payload,
				allowedMentions,
				...(ephemeral ? { flags: MessageFlags.Ephemeral } : {})
			};
			if (interaction.deferred && !interaction.replied) await interaction.editReply({ ...payload, allowedMentions });
			else if (interaction.replied) await interaction.followUp(options);
			else await interaction.reply(options);
		}
	};
}

/**
 * A prefix invocation. A `private` answer goes by direct message; the channel only reads that it was
 * sent, or that the caller's DMs are closed, and the invocation is then removed (it may hold the note
 * or the comment). Every other answer is a reply in the channel.
 */
export async function prefixContext(
	services: ChatServices,
	message: Message<true>,
	options: CommandOptions,
	answer: Audience
): Promise<CommandContext> {
	const t = await translatorFor(answer === 'channel' ? message.guild : message);
	const channelReply = (input: ReplyPayload) => {
		const { payload, allowedMentions } = withPings(input);
		return message.reply({ ...payload, allowedMentions, failIfNotExists: false });
	};
	return {
		via: 'prefix',
		services,
		guild: message.guild,
		member: message.member!,
		channel: message.channel,
		options,
		answer,
		t,
		defer: async () => {
			await message.channel.sendTyping().catch(() => undefined);
		},
		reply: async (input) => {
			if (answer !== 'private') {
				await channelReply(typeof input === 'string' ? { content: input } : input);
				return;
			}
			const { payload } = withPings(input);
			// Components act on the guild they came from: a DM carries none (a list names its page option instead).
			const { components: _components, ...dmPayload } = payload;
			const sent = await message.author
				.send({ ...dmPayload, allowedMentions: { parse: [] } })
				.then(() => true)
				.catch((error: unknown) => {
					if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) return false;
					throw error;
				});
			await channelReply({ content: t(sent ? LanguageKeys.Errors.SentByDm : LanguageKeys.Errors.DmClosed) });
			// The words typed do not stay in the channel (where the bot may manage messages).
			await message.delete().catch(() => undefined);
		}
	};
}
