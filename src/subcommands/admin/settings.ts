import { UserError, container } from '@sapphire/framework';
import type { TFunction } from 'i18next';
import type { CommandOptions } from '../../lib/commands/options.js';
import type { SubcommandDefinition } from '../../lib/commands/subcommand.js';
import { channelPatternSchema, prefixSchema } from '../../lib/config/schema.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { SUPPORTED_LOCALES } from '../../lib/i18n/locales.js';
import {
	guildRules,
	NO_OVERRIDES,
	ownRules,
	RULE_NAMES,
	type GuildRules,
	type RuleOverrides
} from '../../lib/settings/guildRules.js';

/** The option that sets each rule. */
const OPTION_OF: Record<keyof RuleOverrides, string> = {
	locale: 'language',
	prefix: 'prefix',
	maxOpenPerUser: 'max_open',
	cooldownSeconds: 'cooldown_seconds',
	hourlyLimit: 'hourly_limit',
	allowOpenerClose: 'opener_close',
	channelNamePattern: 'channel_name_pattern',
	inactivityHours: 'inactivity_hours'
};

/** The changes an invocation asks for, checked; nothing is written unless every value is valid. */
function requestedChanges(options: CommandOptions): Partial<RuleOverrides> {
	const changes: Partial<RuleOverrides> = options.boolean('reset') ? { ...NO_OVERRIDES } : {};
	if (options.has('language')) changes.locale = options.string('language')!;
	if (options.has('prefix')) {
		const prefix = prefixSchema.safeParse(options.string('prefix'));
		if (!prefix.success) throw new UserError({ identifier: LanguageKeys.Settings.BadPrefix });
		changes.prefix = prefix.data;
	}
	if (options.has('max_open')) changes.maxOpenPerUser = options.integer('max_open')!;
	if (options.has('cooldown_seconds')) changes.cooldownSeconds = options.integer('cooldown_seconds')!;
	if (options.has('hourly_limit')) changes.hourlyLimit = options.integer('hourly_limit')!;
	if (options.has('opener_close')) changes.allowOpenerClose = options.boolean('opener_close')!;
	if (options.has('channel_name_pattern')) {
		const pattern = channelPatternSchema.safeParse(options.string('channel_name_pattern'));
		if (!pattern.success) throw new UserError({ identifier: LanguageKeys.Settings.BadPattern });
		changes.channelNamePattern = pattern.data;
	}
	if (options.has('inactivity_hours')) changes.inactivityHours = options.integer('inactivity_hours')!;
	return changes;
}

function describeRules(t: TFunction, rules: GuildRules, own: Set<keyof GuildRules>): string {
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
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'language', type: 'string', description: 'Language of the bot’s answers', choices: SUPPORTED_LOCALES },
		{ name: 'prefix', type: 'string', description: 'Prefix of message commands (1 to 5 characters)', maxLength: 5 },
		{ name: 'max_open', type: 'integer', description: 'Open tickets one member may have at once', min: 1, max: 50 },
		{
			name: 'cooldown_seconds',
			type: 'integer',
			description: 'Seconds a member waits between two tickets (0: none)',
			min: 0,
			max: 86_400
		},
		{ name: 'hourly_limit', type: 'integer', description: 'Tickets one member may open in an hour', min: 1, max: 1000 },
		{ name: 'opener_close', type: 'boolean', description: 'Whether openers may close their own tickets' },
		{
			name: 'channel_name_pattern',
			type: 'string',
			description: 'New ticket channels’ names: {number} and optionally {username}, {category}',
			maxLength: 90
		},
		{
			name: 'inactivity_hours',
			type: 'integer',
			description: 'Hours of silence from the opener before a warning, then an auto-close (0: never)',
			min: 0,
			max: 8760
		},
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
		const t = changes.locale !== undefined ? container.i18n.getT(guildRules(stored, container.config).locale) : context.t;
		const lines = describeRules(t, guildRules(stored, container.config), ownRules(stored));
		await context.reply(t(changed ? LanguageKeys.Settings.Saved : LanguageKeys.Settings.Shown, { lines }));
	}
};
