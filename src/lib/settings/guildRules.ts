import type { BotConfig } from '../config/schema.js';
import { isSupportedLocale, type SupportedLocale } from '../i18n/locales.js';

/** The per-guild settings columns that override a config.yaml default when not null. */
export interface RuleOverrides {
	locale: string | null;
	prefix: string | null;
	maxOpenPerUser: number | null;
	cooldownSeconds: number | null;
	hourlyLimit: number | null;
	allowOpenerClose: boolean | null;
	channelNamePattern: string | null;
	inactivityHours: number | null;
}

/** A guild's rules as they apply now: its own value where it set one, else config.yaml's. */
export interface GuildRules {
	locale: SupportedLocale;
	prefix: string;
	maxOpenPerUser: number;
	cooldownSeconds: number;
	hourlyLimit: number;
	allowOpenerClose: boolean;
	channelNamePattern: string;
	/** Hours without a word from the opener before the inactivity warning (0: no auto-close). */
	inactivityHours: number;
}

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
	'inactivityHours'
];

export function guildRules(settings: Partial<RuleOverrides> | null | undefined, config: BotConfig): GuildRules {
	return {
		locale: isSupportedLocale(settings?.locale) ? settings.locale : config.defaults.locale,
		prefix: settings?.prefix ?? config.defaults.prefix,
		maxOpenPerUser: settings?.maxOpenPerUser ?? config.tickets.maxOpenPerUser,
		cooldownSeconds: settings?.cooldownSeconds ?? config.tickets.cooldownSeconds,
		hourlyLimit: settings?.hourlyLimit ?? config.tickets.hourlyLimit,
		allowOpenerClose: settings?.allowOpenerClose ?? config.tickets.allowOpenerClose,
		channelNamePattern: settings?.channelNamePattern ?? config.tickets.channelNamePattern,
		inactivityHours: settings?.inactivityHours ?? config.tickets.inactivity.warnAfterHours
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
export const NO_OVERRIDES: RuleOverrides = {
	locale: null,
	prefix: null,
	maxOpenPerUser: null,
	cooldownSeconds: null,
	hourlyLimit: null,
	allowOpenerClose: null,
	channelNamePattern: null,
	inactivityHours: null
};
