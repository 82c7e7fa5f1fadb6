import type { Args, PreconditionEntryResolvable } from '@sapphire/framework';
import type { Subcommand, SubcommandMappingMethod } from '@sapphire/plugin-subcommands';
import {
	InteractionContextType,
	ApplicationIntegrationType,
	type ChatInputCommandInteraction,
	type Message,
	type SlashCommandBuilder,
	type SlashCommandSubcommandBuilder
} from 'discord.js';
import { localizationsOf, type CommandPath, type CommandTranslations } from '../i18n/commandDescriptions.js';
import { acknowledge, prefixContext, slashContext, type CommandContext } from './context.js';
import type { Audience } from '../tickets/outcome.js';
import { optionsFromArgs, optionsFromInteraction, type OptionSpec } from './options.js';
import type { ChatServices } from './services.js';

/** One subcommand, written once: its options, who may run it, and what it does. */
export interface SubcommandDefinition {
	name: string;
	description: string;
	options?: readonly OptionSpec[];
	/** Who reads the answer, on both invocations (see Audience); refusals always go to the caller alone. */
	answer: Audience;
	/** Sapphire preconditions (e.g. 'AdminOnly', 'StaffOnly'), checked the same way for both invocations. */
	preconditions?: readonly PreconditionEntryResolvable[];
	/**
	 * The slash form may answer with a form (a modal), which must then be its first answer; every other
	 * subcommand is acknowledged before it runs.
	 */
	opensForm?: boolean;
	run(context: CommandContext): Promise<void>;
}

/**
 * The Sapphire subcommand mappings: the slash and the prefix form of each definition both parse into
 * the same CommandContext and call the same run(), with the services of the command piece.
 */
export function subcommandMappings(
	definitions: readonly SubcommandDefinition[],
	services: () => ChatServices
): SubcommandMappingMethod[] {
	return definitions.map((definition) => ({
		name: definition.name,
		preconditions: [...(definition.preconditions ?? [])],
		chatInputRun: async (interaction: ChatInputCommandInteraction) => {
			if (!interaction.inCachedGuild()) return;
			if (!definition.opensForm) await acknowledge(interaction, definition.answer);
			const options = optionsFromInteraction(interaction, definition.options ?? []);
			await definition.run(await slashContext(services(), interaction, options, definition.answer));
		},
		messageRun: async (message: Message, args: Args) => {
			if (!message.inGuild()) return;
			const options = await optionsFromArgs(args, definition.options ?? [], message.guild);
			await definition.run(await prefixContext(services(), message, options, definition.answer));
		}
	}));
}

/**
 * Adds each definition as a slash subcommand; the command is guild-only. Every description and choice
 * name carries its translations (languages/<locale>/commands.json, by path: "ticket priority level high"
 * for a choice), so Discord shows it in each user's language.
 */
export function buildSlashCommand(
	builder: SlashCommandBuilder,
	name: string,
	description: string,
	definitions: readonly SubcommandDefinition[],
	translations: CommandTranslations
) {
	const describe = <T extends Describable<T>>(target: T, path: CommandPath, text: string): T => {
		return target.setDescription(text).setDescriptionLocalizations(localizationsOf(translations, path));
	};
	describe(builder.setName(name), [name], description)
		.setContexts(InteractionContextType.Guild)
		.setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
	for (const definition of definitions) {
		const path = [name, definition.name];
		builder.addSubcommand((sub) => {
			describe(sub.setName(definition.name), path, definition.description);
			return addOptions(sub, definition.options ?? [], {
				describe: (option, spec) => describe(option, [...path, spec.name], spec.description),
				choiceNames: (spec, choice) => localizationsOf(translations, [...path, spec.name, choice])
			});
		});
	}
	return builder;
}

interface Describable<T> {
	setDescription(description: string): T;
	setDescriptionLocalizations(localizations: Record<string, string> | null): T;
}

interface OptionTexts {
	describe<T extends Describable<T>>(option: T, spec: OptionSpec): T;
	/** A choice's name in each translated language (its value is the same in every language). */
	choiceNames(spec: OptionSpec, choice: string): Record<string, string> | null;
}

function addOptions(
	sub: SlashCommandSubcommandBuilder,
	specs: readonly OptionSpec[],
	{ describe, choiceNames }: OptionTexts
): SlashCommandSubcommandBuilder {
	// Discord wants required options first; definitions are written that way.
	for (const spec of specs) {
		const base = <T extends Describable<T> & { setName(n: string): T; setRequired(r: boolean): T }>(option: T) =>
			describe(option.setName(spec.name), spec).setRequired(spec.required ?? false);
		switch (spec.type) {
			case 'string':
				sub.addStringOption((option) => {
					base(option);
					if (spec.maxLength !== undefined) option.setMaxLength(Math.min(spec.maxLength, 6000));
					if (spec.autocomplete) option.setAutocomplete(true);
					if (spec.choices) {
						option.addChoices(
							...spec.choices.map((choice) => ({ name: choice, name_localizations: choiceNames(spec, choice), value: choice }))
						);
					}
					return option;
				});
				break;
			case 'integer':
				sub.addIntegerOption((option) => {
					base(option);
					if (spec.min !== undefined) option.setMinValue(spec.min);
					if (spec.max !== undefined) option.setMaxValue(spec.max);
					return option;
				});
				break;
			case 'boolean':
				sub.addBooleanOption((option) => base(option));
				break;
			case 'user':
				sub.addUserOption((option) => base(option));
				break;
			case 'channel':
				sub.addChannelOption((option) => {
					base(option);
					if (spec.channelTypes) option.addChannelTypes(...(spec.channelTypes as never[]));
					return option;
				});
				break;
			case 'role':
				sub.addRoleOption((option) => base(option));
				break;
		}
	}
	return sub;
}

export type { Subcommand };
