import { translatorFor } from '../discord/translate.js';
import {
	MessageFlags,
	type ChatInputCommandInteraction,
	type Guild,
	type GuildMember,
	type GuildTextBasedChannel,
	type InteractionReplyOptions,
	type Message,
	type MessageCreateOptions
} from 'discord.js';
import type { Translate } from '../i18n/notice.js';
import type { CommandOptions } from './options.js';

export type ReplyPayload = Pick<MessageCreateOptions, 'content' | 'embeds' | 'components' | 'files'> & {
	/** Only the caller sees it (slash); a prefix reply is always in the channel. */
	ephemeral?: boolean;
	/** Roles the message may notify; nobody else is pinged, whatever the content mentions. */
	pingRoles?: readonly string[];
};

/**
 * One invocation of a subcommand, whether typed as /command or !command: the caller, where, the
 * parsed options, their language, and one way to answer.
 */
export interface CommandContext {
	readonly via: 'slash' | 'prefix';
	readonly guild: Guild;
	readonly member: GuildMember;
	readonly channel: GuildTextBasedChannel;
	readonly options: CommandOptions;
	readonly t: Translate;
	/** The slash invocation, for flows that answer with a modal. */
	readonly interaction?: ChatInputCommandInteraction<'cached'>;
	/** Says "thinking…" for work that may take more than a moment. */
	defer(ephemeral?: boolean): Promise<void>;
	reply(payload: string | ReplyPayload): Promise<void>;
}

/** Who a reply notifies: nobody, unless it names roles to ping. */
function allowedMentions(roles: readonly string[] = []) {
	return { parse: [] as never[], roles: [...roles] };
}

export async function slashContext(
	interaction: ChatInputCommandInteraction<'cached'>,
	options: CommandOptions
): Promise<CommandContext> {
	return {
		via: 'slash',
		interaction,
		guild: interaction.guild,
		member: interaction.member,
		channel: interaction.channel!,
		options,
		t: await translatorFor(interaction),
		defer: async (ephemeral = true) => {
			if (!interaction.deferred && !interaction.replied)
				await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
		},
		reply: async (input) => {
			const { ephemeral = true, pingRoles, ...payload } = typeof input === 'string' ? { content: input } : input;
			const options: InteractionReplyOptions = {
				...payload,
				allowedMentions: allowedMentions(pingRoles),
				...(ephemeral ? { flags: MessageFlags.Ephemeral } : {})
			};
			if (interaction.deferred && !interaction.replied)
				await interaction.editReply({ ...payload, allowedMentions: allowedMentions(pingRoles) });
			else if (interaction.replied) await interaction.followUp(options);
			else await interaction.reply(options);
		}
	};
}

export async function prefixContext(message: Message<true>, options: CommandOptions): Promise<CommandContext> {
	return {
		via: 'prefix',
		guild: message.guild,
		member: message.member!,
		channel: message.channel,
		options,
		t: await translatorFor(message),
		defer: async () => {
			await message.channel.sendTyping().catch(() => undefined);
		},
		reply: async (input) => {
			const { ephemeral: _ephemeral, pingRoles, ...payload } = typeof input === 'string' ? { content: input } : input;
			await message.reply({ ...payload, allowedMentions: allowedMentions(pingRoles) });
		}
	};
}
