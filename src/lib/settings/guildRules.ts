import type { BotConfig } from '../config/schema.js';
import { isSupportedLocale, type SupportedLocale } from '../i18n/locales.js';

/**
 * The whole-number rules a guild may set for itself with /admin settings, each falling back to
 * config.yaml: its option, its range (the same as config.yaml's) and where the default comes from.
 */
export const NUMBER_RULES = {
	maxOpenPerUser: {
		option: 'max_open',
		min: 1,
		max: 50,
		fallback: (config: BotConfig) => config.tickets.maxOpenPerUser,
		description: 'Open tickets one member may have at once'
	},
	cooldownSeconds: {
		option: 'cooldown_seconds',
		min: 0,
		max: 86_400,
		fallback: (config: BotConfig) => config.tickets.cooldownSeconds,
		description: 'Seconds a member waits between two tickets (0: none)'
	},
	hourlyLimit: {
		option: 'hourly_limit',
		min: 1,
		max: 1000,
		fallback: (config: BotConfig) => config.tickets.hourlyLimit,
		description: 'Tickets one member may open in an hour'
	},
	inactivityHours: {
		option: 'inactivity_hours',
		min: 0,
		max: 8760,
		fallback: (config: BotConfig) => config.tickets.inactivity.warnAfterHours,
		description: 'Hours of silence from the opener before a warning, then an auto-close (0: never)'
	},
	raidJoins: {
		option: 'raid_joins',
		min: 2,
		max: 10_000,
		fallback: (config: BotConfig) => config.security.antiRaid.joins,
		description: 'Joins within raid_seconds that start raid mode'
	},
	raidSeconds: {
		option: 'raid_seconds',
		min: 1,
		max: 3600,
		fallback: (config: BotConfig) => config.security.antiRaid.perSeconds,
		description: 'The anti-raid counting window, in seconds'
	},
	raidMinutes: {
		option: 'raid_minutes',
		min: 1,
		max: 1440,
		fallback: (config: BotConfig) => config.security.antiRaid.raidModeMinutes,
		description: 'Minutes raid mode pauses ticket creation'
	},
	spamMessages: {
		option: 'spam_messages',
		min: 2,
		max: 100,
		fallback: (config: BotConfig) => config.security.antiSpam.messages,
		description: 'Messages within spam_seconds in a ticket that count as a flood'
	},
	spamSeconds: {
		option: 'spam_seconds',
		min: 1,
		max: 600,
		fallback: (config: BotConfig) => config.security.antiSpam.perSeconds,
		description: 'The anti-spam counting window, in seconds'
	},
	spamTimeoutMinutes: {
		option: 'spam_timeout_minutes',
		min: 0,
		max: 40_320,
		fallback: (config: BotConfig) => config.security.antiSpam.timeoutMinutes,
		description: 'Minutes of Discord timeout for a flood (0: none)'
	}
} as const;

export type NumberRule = keyof typeof NUMBER_RULES;
export const NUMBER_RULE_NAMES = Object.keys(NUMBER_RULES) as NumberRule[];

/** The per-guild settings columns that override a config.yaml default when not null. */
export type RuleOverrides = {
	locale: string | null;
	prefix: string | null;
	allowOpenerClose: boolean | null;
	channelNamePattern: string | null;
} & Record<NumberRule, number | null>;

/** A guild's rules as they apply now: its own value where it set one, else config.yaml's. */
export type GuildRules = {
	locale: SupportedLocale;
	prefix: string;
	allowOpenerClose: boolean;
	channelNamePattern: string;
} & Record<NumberRule, number>;

export type RuleName = keyof GuildRules;

/** The rules in the order /admin settings shows them. */
export const RULE_NAMES: readonly RuleName[] = [
	'locale',
	'prefix',
	'maxOpenPerUser',
	'cooldownSeconds',
	'hourlyLimit',
	'allowOpenerClose',
	'channelNamePattern',
	'inactivityHours',
	'raidJoins',
	'raidSeconds',
	'raidMinutes',
	'spamMessages',
	'spamSeconds',
	'spamTimeoutMinutes'
];

export function guildRules(settings: Partial<RuleOverrides> | null | undefined, config: BotConfig): GuildRules {
	const numbers = Object.fromEntries(
		NUMBER_RULE_NAMES.map((name) => [name, settings?.[name] ?? NUMBER_RULES[name].fallback(config)])
	) as Record<NumberRule, number>;
	return {
		locale: isSupportedLocale(settings?.locale) ? settings.locale : config.defaults.locale,
		prefix: settings?.prefix ?? config.defaults.prefix,
		allowOpenerClose: settings?.allowOpenerClose ?? config.tickets.allowOpenerClose,
		channelNamePattern: settings?.channelNamePattern ?? config.tickets.channelNamePattern,
		...numbers
	};
}

/** Which rules the guild set itself (the others follow config.yaml). */
export function ownRules(settings: Partial<RuleOverrides> | null | undefined): Set<RuleName> {
	const own = new Set<RuleName>();
	for (const name of RULE_NAMES) {
		const value = settings?.[name];
		if (value !== null && value !== undefined && (name !== 'locale' || isSupportedLocale(value as string))) own.add(name);
	}
	return own;
}

/** Every override cleared: the guild follows config.yaml again. */
export const NO_OVERRIDES = Object.fromEntries(RULE_NAMES.map((name) => [name, null])) as RuleOverrides;
