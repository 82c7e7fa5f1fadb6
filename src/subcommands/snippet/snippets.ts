import { container } from '@sapphire/framework';
import { EmbedBuilder, type GuildMember } from 'discord.js';
import { callerOf } from '../../lib/chat/caller.js';
import type { OptionSpec } from '../../lib/chat/options.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { ticketSubcommand } from '../../lib/chat/ticketSubcommand.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { sendSnippet } from '../../lib/snippets/send.js';
import {
	addSnippet,
	editSnippet,
	listSnippets,
	removeSnippet,
	SNIPPET_CONTENT_MAX,
	SNIPPET_NAME_MAX,
	SNIPPET_TITLE_MAX,
	snippetNames,
	snippetToEdit,
	type SnippetInput
} from '../../lib/snippets/snippets.js';
import { snippetForm } from '../../lib/chat/snippetForm.js';
import { cut } from '../../lib/text/cut.js';
import type { CommandOptions } from '../../lib/chat/options.js';

const services = () => container.ticketServices;
const caller = (member: GuildMember) => callerOf(container, member);

/** The names a staff member may pick, as they type. */
const names = async (member: GuildMember, typed: string) =>
	(await snippetNames(services(), caller(member), member.guild.id, typed)).map((name) => ({ name, value: name }));

const nameOption = (description: string, autocomplete = true): OptionSpec => ({
	name: 'name',
	type: 'string',
	description,
	required: true,
	maxLength: SNIPPET_NAME_MAX,
	rest: false,
	...(autocomplete ? { autocomplete: names } : {})
});

const textOptions = (): OptionSpec[] => [
	{
		name: 'content',
		type: 'string',
		description: 'The text ({opener} {staff} {ticket} {category} {server}); leave it out for a multi-line form',
		maxLength: SNIPPET_CONTENT_MAX
	},
	{ name: 'embed', type: 'boolean', description: 'Send it as an embed', named: true },
	{ name: 'title', type: 'string', description: 'The embed’s title (empty: none)', maxLength: SNIPPET_TITLE_MAX, named: true }
];

const input = (options: CommandOptions): SnippetInput => ({
	name: options.string('name')!,
	content: options.string('content'),
	embed: options.boolean('embed'),
	title: options.has('title') ? options.string('title') : null
});

export const snippetAdd: SubcommandDefinition = {
	name: 'add',
	description: 'Save a canned reply for tickets (staff)',
	answer: 'caller',
	options: [nameOption('Its name, e.g. welcome (letters, digits, - and _)', false), ...textOptions()],
	// Without its text, the slash form asks for it in a form (where it may take several lines).
	opensForm: true,
	async run(context) {
		const typed = input(context.options);
		if (context.interaction && typed.content === null) {
			await context.interaction.showModal(snippetForm(context.t, null, typed.name));
			return;
		}
		await context.defer();
		const saved = await addSnippet(services(), caller(context.member), context.guild.id, typed);
		await context.reply(
			`${context.t(LanguageKeys.Snippets.Added, { name: userText(saved.name) })}\n${context.t(LanguageKeys.Snippets.Variables)}`
		);
	}
};

export const snippetEdit: SubcommandDefinition = {
	name: 'edit',
	description: 'Change a snippet’s text, embed or title (staff)',
	answer: 'caller',
	options: [nameOption('The snippet to change'), ...textOptions()],
	opensForm: true,
	async run(context) {
		const typed = input(context.options);
		if (context.interaction && typed.content === null && typed.embed === null && typed.title === null) {
			// Nothing given: the snippet's text in a form, to change it over several lines.
			const current = await snippetToEdit(services(), caller(context.member), context.guild.id, typed.name);
			await context.interaction.showModal(snippetForm(context.t, current, current.name));
			return;
		}
		await context.defer();
		const saved = await editSnippet(services(), caller(context.member), context.guild.id, typed);
		await context.reply(context.t(LanguageKeys.Snippets.Edited, { name: userText(saved.name) }));
	}
};

export const snippetRemove: SubcommandDefinition = {
	name: 'remove',
	description: 'Delete a snippet (staff)',
	answer: 'caller',
	options: [nameOption('The snippet to delete')],
	async run(context) {
		const name = await removeSnippet(services(), caller(context.member), context.guild.id, context.options.string('name')!);
		await context.reply(context.t(LanguageKeys.Snippets.Removed, { name: userText(name) }));
	}
};

export const snippetList: SubcommandDefinition = {
	name: 'list',
	description: 'This server’s snippets (staff)',
	answer: 'caller',
	async run(context) {
		const { t } = context;
		const rows = await listSnippets(services(), caller(context.member), context.guild.id);
		if (rows.length === 0) return context.reply(t(LanguageKeys.Snippets.ListEmpty));
		const lines = rows.map((row) =>
			t(LanguageKeys.Snippets.ListLine, {
				name: userText(row.name),
				embed: row.embed ? t(LanguageKeys.Snippets.EmbedMark) : '',
				preview: userText(row.content.replace(/\s+/g, ' '), 80)
			})
		);
		return context.reply({
			embeds: [
				new EmbedBuilder()
					.setTitle(t(LanguageKeys.Snippets.ListTitle))
					.setDescription(cut(lines.join('\n'), 4000))
					.setFooter({ text: cut(t(LanguageKeys.Snippets.Variables).replace(/`/g, ''), 2048) })
			]
		});
	}
};

export const snippetSend = ticketSubcommand({
	name: 'send',
	description: 'Send a snippet into this ticket (staff)',
	options: [nameOption('The snippet to send')],
	useCase: sendSnippet,
	input: (options) => ({ name: options.string('name')! })
});
