import { container } from '@sapphire/framework';
import type { CommandOptions } from '../../lib/chat/options.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { callerOf } from '../../lib/chat/caller.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { checkedTranslator, type Translate } from '../../lib/i18n/notice.js';
import { SUPPORTED_LOCALES } from '../../lib/i18n/locales.js';
import { updateGuildRules, type RuleChanges } from '../../lib/settings/adminSettings.js';
import {
	NUMBER_RULE_NAMES,
	NUMBER_RULES,
	RULE_NAMES,
	type GuildRules,
	type NumberRule,
	type RuleOverrides
} from '../../lib/settings/guildRules.js';

/** The option that sets each rule. */
const OPTION_OF: Record<keyof RuleOverrides, string> = {
	locale: 'language',
	prefix: 'prefix',
	allowOpenerClose: 'opener_close',
	channelNamePattern: 'channel_name_pattern',
	...(Object.fromEntries(NUMBER_RULE_NAMES.map((name) => [name, NUMBER_RULES[name].option])) as Record<NumberRule, string>)
};

/** The changes an invocation asks for, as typed: the use case checks them. */
function requestedChanges(options: CommandOptions): RuleChanges {
	const numbers: RuleChanges['numbers'] = {};
	for (const name of NUMBER_RULE_NAMES) {
		const { option } = NUMBER_RULES[name];
		if (options.has(option)) numbers[name] = options.integer(option)!;
	}
	return {
		reset: options.boolean('reset') ?? undefined,
		locale: options.has('language') ? options.string('language')! : undefined,
		prefix: options.has('prefix') ? options.string('prefix')! : undefined,
		allowOpenerClose: options.has('opener_close') ? options.boolean('opener_close')! : undefined,
		channelNamePattern: options.has('channel_name_pattern') ? options.string('channel_name_pattern')! : undefined,
		numbers
	};
}

function describeRules(t: Translate, rules: GuildRules, own: Set<keyof GuildRules>): string {
	const shown = (name: keyof GuildRules): string => {
		const value = rules[name];
		if (typeof value === 'boolean') return t(value ? LanguageKeys.Settings.Yes : LanguageKeys.Settings.No);
		if (name === 'prefix') return `\`${value}\``;
		return userText(String(value), 100);
	};
	return RULE_NAMES.map(
		(name) =>
			`- ${t(LanguageKeys.Settings.Labels[name])}: **${shown(name)}** (${t(own.has(name) ? LanguageKeys.Settings.OwnValue : LanguageKeys.Settings.DefaultValue)}) · \`${OPTION_OF[name]}\``
	).join('\n');
}

export const settings: SubcommandDefinition = {
	name: 'settings',
	description: 'Show or change this server’s language, prefix and ticket rules',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'language', type: 'string', description: 'Language of the bot’s answers', choices: SUPPORTED_LOCALES },
		{ name: 'prefix', type: 'string', description: 'Prefix of message commands (1 to 5 characters)', maxLength: 5 },
		{ name: 'opener_close', type: 'boolean', description: 'Whether openers may close their own tickets' },
		{
			name: 'channel_name_pattern',
			type: 'string',
			description: 'New ticket channels’ names: {number} and optionally {username}, {category}',
			maxLength: 90
		},
		...NUMBER_RULE_NAMES.map((name) => {
			const { option, description, min, max } = NUMBER_RULES[name];
			return { name: option, type: 'integer' as const, description, min, max };
		}),
		{ name: 'reset', type: 'boolean', description: 'Go back to the bot’s defaults for everything not given here' }
	],
	async run(context) {
		const { rules, own, changed } = await updateGuildRules(
			container,
			callerOf(container, context.member),
			context.guild.id,
			requestedChanges(context.options)
		);
		// Answer in the language just chosen, so the admin sees it took effect.
		const t =
			context.options.has('language') || context.options.boolean('reset')
				? checkedTranslator(container.i18n.getT(rules.locale))
				: context.t;
		const lines = describeRules(t, rules, own);
		await context.reply(t(changed ? LanguageKeys.Settings.Saved : LanguageKeys.Settings.Shown, { lines }));
	}
};
