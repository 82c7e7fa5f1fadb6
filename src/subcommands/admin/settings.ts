import { container } from '@sapphire/framework';
import type { CommandOptions } from '../../lib/chat/options.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { channelPatternSchema, prefixSchema } from '../../lib/config/schema.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { checkedTranslator, type Translate } from '../../lib/i18n/notice.js';
import { SUPPORTED_LOCALES } from '../../lib/i18n/locales.js';
import {
	guildRules,
	NO_OVERRIDES,
	NUMBER_RULE_NAMES,
	NUMBER_RULES,
	ownRules,
	RULE_NAMES,
	type GuildRules,
	type NumberRule,
	type RuleOverrides
} from '../../lib/settings/guildRules.js';
import { refuse } from '../../lib/errors/Refusal.js';

/** The option that sets each rule. */
const OPTION_OF: Record<keyof RuleOverrides, string> = {
	locale: 'language',
	prefix: 'prefix',
	allowOpenerClose: 'opener_close',
	channelNamePattern: 'channel_name_pattern',
	...(Object.fromEntries(NUMBER_RULE_NAMES.map((name) => [name, NUMBER_RULES[name].option])) as Record<NumberRule, string>)
};

/** The changes an invocation asks for, checked; nothing is written unless every value is valid. */
function requestedChanges(options: CommandOptions): Partial<RuleOverrides> {
	const changes: Partial<RuleOverrides> = options.boolean('reset') ? { ...NO_OVERRIDES } : {};
	if (options.has('language')) changes.locale = options.string('language')!;
	if (options.has('prefix')) {
		const prefix = prefixSchema.safeParse(options.string('prefix'));
		if (!prefix.success) refuse(LanguageKeys.Settings.BadPrefix);
		changes.prefix = prefix.data;
	}
	for (const name of NUMBER_RULE_NAMES) {
		const { option } = NUMBER_RULES[name];
		if (options.has(option)) changes[name] = options.integer(option)!;
	}
	if (options.has('opener_close')) changes.allowOpenerClose = options.boolean('opener_close')!;
	if (options.has('channel_name_pattern')) {
		const pattern = channelPatternSchema.safeParse(options.string('channel_name_pattern'));
		if (!pattern.success) refuse(LanguageKeys.Settings.BadPattern);
		changes.channelNamePattern = pattern.data;
	}
	return changes;
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
		const changes = requestedChanges(context.options);
		const data = container.db.forGuild(context.guild.id);
		const changed = Object.keys(changes).length > 0;
		const stored = changed ? await data.updateSettings(changes) : await data.settings();
		if (changed) {
			await container.preferences.invalidate(context.guild.id);
			await container.audit.record(data, { actorId: context.member.id, action: 'settings.updated', details: changes });
		}
		// Answer in the language just chosen, so the admin sees it took effect.
		const t =
			changes.locale !== undefined
				? checkedTranslator(container.i18n.getT(guildRules(stored, container.config).locale))
				: context.t;
		const lines = describeRules(t, guildRules(stored, container.config), ownRules(stored));
		await context.reply(t(changed ? LanguageKeys.Settings.Saved : LanguageKeys.Settings.Shown, { lines }));
	}
};
