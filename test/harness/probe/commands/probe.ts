import { Subcommand } from '@sapphire/plugin-subcommands';
import type { Args } from '@sapphire/framework';
import {
	ActionRowBuilder,
	ButtonBuilder,
	ButtonStyle,
	MessageFlags,
	ModalBuilder,
	StringSelectMenuBuilder,
	TextInputBuilder,
	TextInputStyle,
	type Message
} from 'discord.js';

/**
 * A test-only command that exercises each kind of Discord round trip (slash subcommand, prefix
 * command, button, select, modal) through the real framework, for the emulator's own tests.
 */
export class ProbeCommand extends Subcommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, {
			name: 'probe',
			description: 'Emulator probe',
			subcommands: [
				{ name: 'echo', chatInputRun: 'echoSlash', messageRun: 'echoMessage' },
				{ name: 'panel', chatInputRun: 'panel' },
				{ name: 'form', chatInputRun: 'form' },
				{ name: 'fail', chatInputRun: 'fail', messageRun: 'fail' }
			]
		});
	}

	public override registerApplicationCommands(registry: Subcommand.Registry) {
		registry.registerChatInputCommand((command) =>
			command
				.setName('probe')
				.setDescription('Emulator probe')
				.addSubcommand((sub) =>
					sub
						.setName('echo')
						.setDescription('Says the text back')
						.addStringOption((option) => option.setName('text').setDescription('text').setRequired(true))
				)
				.addSubcommand((sub) => sub.setName('panel').setDescription('Posts a button and a menu'))
				.addSubcommand((sub) => sub.setName('form').setDescription('Opens a form'))
				.addSubcommand((sub) => sub.setName('fail').setDescription('Throws'))
		);
	}

	public async echoSlash(interaction: Subcommand.ChatInputCommandInteraction) {
		await interaction.reply({ content: `echo: ${interaction.options.getString('text', true)}`, flags: MessageFlags.Ephemeral });
	}

	public async echoMessage(message: Message, args: Args) {
		await message.reply(`echo: ${await args.rest('string')}`);
	}

	public async panel(interaction: Subcommand.ChatInputCommandInteraction) {
		const button = new ButtonBuilder().setCustomId('probe:button').setLabel('Press').setStyle(ButtonStyle.Primary);
		const menu = new StringSelectMenuBuilder()
			.setCustomId('probe:select')
			.setPlaceholder('Pick')
			.setMinValues(1)
			.setMaxValues(2)
			.addOptions({ label: 'Red', value: 'red' }, { label: 'Blue', value: 'blue' }, { label: 'Green', value: 'green' });
		await interaction.reply({
			content: 'panel',
			components: [
				new ActionRowBuilder<ButtonBuilder>().addComponents(button),
				new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)
			]
		});
	}

	public async form(interaction: Subcommand.ChatInputCommandInteraction) {
		const input = new TextInputBuilder()
			.setCustomId('probe:topic')
			.setLabel('Topic')
			.setStyle(TextInputStyle.Short)
			.setRequired(true);
		await interaction.showModal(
			new ModalBuilder()
				.setCustomId('probe:modal')
				.setTitle('Probe form')
				.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input))
		);
	}

	public fail(): never {
		throw new Error('probe failure with a stack trace that must not reach the user');
	}
}
