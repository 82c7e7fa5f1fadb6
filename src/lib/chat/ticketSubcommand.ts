import type { ButtonInteraction, GuildMember, ModalSubmitInteraction } from 'discord.js';
import { translatorFor } from '../discord/translate.js';
import { callerOf } from './caller.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { TicketOutcome, UseCase } from '../tickets/outcome.js';
import { ticketIdInChannel } from '../tickets/ticket.js';
import { acknowledge, withPings, type CommandContext } from './context.js';
import type { CommandOptions, OptionSpec } from './options.js';
import { outcomeMessage } from './render.js';
import type { ChatServices } from './services.js';
import type { SubcommandDefinition } from './subcommand.js';

/**
 * Runs a use case on the ticket of the channel the command or component was used in. A component names
 * its ticket too: one copied to another ticket's channel acts on neither.
 */
export async function runInTicket<Input, Output>(
	chat: ChatServices,
	useCase: UseCase<Input, Output>,
	member: GuildMember,
	channelId: string,
	input: Input,
	named?: number
): Promise<Output> {
	const services = chat.ticketServices;
	const ticketId = await ticketIdInChannel(services.db.forGuild(member.guild.id), channelId);
	if (named !== undefined && named !== ticketId) refuse(LanguageKeys.Errors.InvalidButton);
	return useCase.run(services, callerOf(chat, member), { guildId: member.guild.id, ticketId }, input);
}

/**
 * A component on a ticket (a button, a form) that runs a use case, as its slash command does: acknowledged
 * first, then answered where the use case's audience reads it; work left for after the answer runs last.
 */
export async function answerInTicket<Input>(
	chat: ChatServices,
	interaction: ButtonInteraction<'cached'> | ModalSubmitInteraction<'cached'>,
	useCase: UseCase<Input, TicketOutcome>,
	input: Input,
	ticketId: number
): Promise<void> {
	await acknowledge(interaction, useCase.audience);
	const outcome = await runInTicket(chat, useCase, interaction.member, interaction.channelId!, input, ticketId);
	const t = await translatorFor(useCase.audience === 'channel' ? interaction.guild : interaction);
	const { payload, allowedMentions } = withPings(outcomeMessage(t, outcome));
	await interaction.editReply({ ...payload, allowedMentions });
	await outcome.afterAnswer?.();
}

export interface TicketSubcommandSpec<Input> {
	name: string;
	description: string;
	options?: readonly OptionSpec[];
	useCase: UseCase<Input, TicketOutcome>;
	input: (options: CommandOptions) => Input;
}

/**
 * A /ticket subcommand run inside a ticket's channel, slash or prefix: the use case decides who may run
 * it and what it does; its declared audience decides who reads the answer. Work left for after the
 * answer (deleting the channel it appears in) runs once the answer is shown.
 */
export function ticketSubcommand<Input>(spec: TicketSubcommandSpec<Input>): SubcommandDefinition {
	return {
		name: spec.name,
		description: spec.description,
		options: spec.options ?? [],
		answer: spec.useCase.audience,
		async run(command: CommandContext) {
			const outcome = await runInTicket(
				command.services,
				spec.useCase,
				command.member,
				command.channel.id,
				spec.input(command.options)
			);
			await command.reply(outcomeMessage(command.t, outcome));
			await outcome.afterAnswer?.();
		}
	};
}
