import { Subcommand } from '@sapphire/plugin-subcommands';
import type { AutocompleteInteraction } from 'discord.js';
import { cut } from '../text/cut.js';
import { loadCommandTranslations, type CommandTranslations } from '../i18n/commandDescriptions.js';
import { optionNames } from './options.js';
import { buildSlashCommand, subcommandMappings, type SubcommandDefinition } from './subcommand.js';

export interface CommandSpec {
	name: string;
	description: string;
	subcommands: readonly SubcommandDefinition[];
}

let translations: CommandTranslations | undefined;
// Read once per process, when the first command registers (a reload re-reads nothing of languages/ either).
const commandTranslations = () => (translations ??= loadCommandTranslations());

/**
 * A guild command made of subcommand definitions: /name and !name list the same subcommands, read the
 * same options and run the same code. Each command piece only names itself and its subcommands.
 */
export abstract class DefinedCommand extends Subcommand {
	private readonly definitions: readonly SubcommandDefinition[];

	protected constructor(context: Subcommand.LoaderContext, spec: CommandSpec) {
		// The mappings run after construction, with this piece's container.
		const piece: { current?: DefinedCommand } = {};
		super(context, {
			name: spec.name,
			description: spec.description,
			preconditions: ['GuildOnly'],
			options: optionNames(spec.subcommands.flatMap((subcommand) => subcommand.options ?? [])),
			subcommands: subcommandMappings(spec.subcommands, () => piece.current!.container)
		});
		this.definitions = spec.subcommands;
		piece.current = this;
	}

	/**
	 * Discord asks for the values of an autocomplete option as the member types: the option's own
	 * Autocomplete answers (Discord's 25 at most); anything unexpected answers nothing rather than fail.
	 */
	public override async autocompleteRun(interaction: AutocompleteInteraction) {
		const definition = this.definitions.find((entry) => entry.name === interaction.options.getSubcommand(false));
		const focused = interaction.options.getFocused(true);
		const spec = definition?.options?.find((option) => option.name === focused.name);
		const choices =
			spec?.autocomplete && interaction.inCachedGuild() ? await spec.autocomplete(interaction.member, focused.value) : [];
		await interaction.respond(choices.slice(0, 25).map((choice) => ({ name: cut(choice.name, 100), value: choice.value })));
	}

	public override registerApplicationCommands(registry: Subcommand.Registry) {
		registry.registerChatInputCommand((builder) =>
			buildSlashCommand(builder, this.name, this.description, this.definitions, commandTranslations())
		);
	}
}
