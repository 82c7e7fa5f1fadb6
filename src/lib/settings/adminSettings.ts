import { entryAuthor, type Actor } from '../access/actor.js';
import { actorIsAdmin, type AccessSources } from '../access/guildAccess.js';
import { parseRoleInput, roleWords } from '../access/roles.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { BlacklistService } from '../blacklist/BlacklistService.js';
import { channelPatternSchema, prefixSchema, type BotConfig } from '../config/schema.js';
import { readList, writeList } from '../database/json.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { isSupportedLocale } from '../i18n/locales.js';
import { notice, type Notice } from '../i18n/notice.js';
import type { GuildPreferences } from './GuildPreferences.js';
import {
	guildRules,
	NO_OVERRIDES,
	NUMBER_RULE_NAMES,
	NUMBER_RULES,
	ownRules,
	type GuildRules,
	type NumberRule,
	type RuleOverrides
} from './guildRules.js';

/** What the admin settings read and write, on every surface (a piece's container holds them under these names). */
export interface SettingsServices {
	readonly ticketServices: AccessSources & { readonly audit: AuditLog; readonly config: BotConfig };
	readonly preferences: GuildPreferences;
	readonly blacklist: BlacklistService;
}

/** A guild may name at most this many roles in one role list. */
export const MAX_ROLES = 10;
const MAX_BLACKLIST_HOURS = 87_600;

/** The rule changes an admin asks for, as typed (a command's options, a form's fields). */
export interface RuleChanges {
	locale?: string;
	prefix?: string;
	allowOpenerClose?: boolean;
	channelNamePattern?: string;
	numbers?: Partial<Record<NumberRule, number>>;
	/** Back to config.yaml's value for every rule not given. */
	reset?: boolean;
}

export interface GuildRulesView {
	rules: GuildRules;
	/** The rules the guild set itself (the others are config.yaml's). */
	own: Set<keyof GuildRules>;
	changed: boolean;
}

/** The one admin guard of every settings use case: the guild's data once the policy says the actor is an admin. */
export async function requireAdmin(services: Pick<SettingsServices, 'ticketServices'>, actor: Actor, guildId: string) {
	if (!(await actorIsAdmin(services.ticketServices, guildId, actor))) refuse(LanguageKeys.Errors.AdminOnly);
	return services.ticketServices.db.forGuild(guildId);
}

/** The changes, checked: one value out of bounds refuses them all, so nothing is half written. */
export function checkedRuleChanges(input: RuleChanges): Partial<RuleOverrides> {
	const changes: Partial<RuleOverrides> = input.reset ? { ...NO_OVERRIDES } : {};
	if (input.locale !== undefined) {
		if (!isSupportedLocale(input.locale)) refuse(LanguageKeys.Errors.InvalidOption, { argument: 'language' });
		changes.locale = input.locale;
	}
	if (input.prefix !== undefined) {
		const prefix = prefixSchema.safeParse(input.prefix);
		if (!prefix.success) refuse(LanguageKeys.Settings.BadPrefix);
		changes.prefix = prefix.data;
	}
	for (const name of NUMBER_RULE_NAMES) {
		const value = input.numbers?.[name];
		if (value === undefined) continue;
		const { option, min, max } = NUMBER_RULES[name];
		if (!Number.isInteger(value) || value < min || value > max) refuse(LanguageKeys.Errors.InvalidOption, { argument: option });
		changes[name] = value;
	}
	if (input.allowOpenerClose !== undefined) changes.allowOpenerClose = input.allowOpenerClose;
	if (input.channelNamePattern !== undefined) {
		const pattern = channelPatternSchema.safeParse(input.channelNamePattern);
		if (!pattern.success) refuse(LanguageKeys.Settings.BadPattern);
		changes.channelNamePattern = pattern.data;
	}
	return changes;
}

/** The guild's rules, changed first when changes are given (admins only; recorded in the audit log). */
export async function updateGuildRules(
	services: SettingsServices,
	actor: Actor,
	guildId: string,
	input: RuleChanges
): Promise<GuildRulesView> {
	const data = await requireAdmin(services, actor, guildId);
	const changes = checkedRuleChanges(input);
	const changed = Object.keys(changes).length > 0;
	const stored = changed ? await data.updateSettings(changes) : await data.settings();
	if (changed) {
		await services.preferences.invalidate(guildId);
		await services.ticketServices.audit.record(data, { ...entryAuthor(actor), action: 'settings.updated', details: changes });
	}
	return { rules: guildRules(stored, services.ticketServices.config), own: ownRules(stored), changed };
}

export type RoleList = 'support_roles' | 'admin_roles';
const ROLE_LISTS = {
	support_roles: {
		field: 'supportRoleIds',
		set: LanguageKeys.Settings.SupportRolesSet,
		cleared: LanguageKeys.Settings.SupportRolesCleared
	},
	admin_roles: {
		field: 'adminRoleIds',
		set: LanguageKeys.Settings.AdminRolesSet,
		cleared: LanguageKeys.Settings.AdminRolesCleared
	}
} as const;

/**
 * Replaces one of the guild's role lists from role mentions or IDs ("none" empties it): a role the bot
 * could not use (@everyone, managed, above its own, unknown) refuses the whole list.
 */
export async function setRoleList(
	services: SettingsServices,
	actor: Actor,
	guildId: string,
	list: RoleList,
	text: string
): Promise<Notice> {
	const data = await requireAdmin(services, actor, guildId);
	const typed = text.trim();
	if (roleWords(typed).length > MAX_ROLES) refuse(LanguageKeys.Settings.TooManyRoles, { max: MAX_ROLES });
	const roleIds = /^none$/i.test(typed) ? [] : parseRoleInput(typed, guildId, services.ticketServices.roles);
	const spec = ROLE_LISTS[list];
	await data.updateSettings({ [spec.field]: writeList(roleIds) });
	await services.preferences.invalidate(guildId);
	await services.ticketServices.audit.record(data, { ...entryAuthor(actor), action: `settings.${list}`, details: { roleIds } });
	return roleIds.length ? notice(spec.set, { roles: roleIds.map((id) => `<@&${id}>`).join(' ') }) : notice(spec.cleared);
}

/** Stops a member from opening tickets, for some hours or (0) until removed. */
export async function blacklistMember(
	services: SettingsServices,
	actor: Actor,
	guildId: string,
	input: { userId: string; hours: number; reason: string }
): Promise<Notice> {
	const data = await requireAdmin(services, actor, guildId);
	const { userId, hours } = input;
	if (!/^\d{17,20}$/.test(userId)) refuse(LanguageKeys.Errors.InvalidOption, { argument: 'user' });
	if (!Number.isInteger(hours) || hours < 0 || hours > MAX_BLACKLIST_HOURS)
		refuse(LanguageKeys.Errors.InvalidOption, { argument: 'hours' });
	const reason = [...input.reason.trim()].slice(0, 500).join('');
	if (!reason) refuse(LanguageKeys.Errors.InvalidOption, { argument: 'reason' });
	await services.blacklist.add(data, userId, hours, reason, actor.userId);
	await services.ticketServices.audit.record(data, {
		...entryAuthor(actor),
		action: 'blacklist.added',
		targetId: userId,
		details: { hours }
	});
	return hours > 0
		? notice(LanguageKeys.Blacklist.Added, { user: `<@${userId}>`, count: hours })
		: notice(LanguageKeys.Blacklist.AddedForever, { user: `<@${userId}>` });
}

/** Lets a blacklisted member open tickets again. */
export async function unblacklistMember(
	services: SettingsServices,
	actor: Actor,
	guildId: string,
	userId: string
): Promise<Notice> {
	const data = await requireAdmin(services, actor, guildId);
	if (!/^\d{17,20}$/.test(userId)) refuse(LanguageKeys.Errors.InvalidOption, { argument: 'user' });
	const removed = await services.blacklist.remove(data, userId);
	if (removed)
		await services.ticketServices.audit.record(data, { ...entryAuthor(actor), action: 'blacklist.removed', targetId: userId });
	return notice(removed ? LanguageKeys.Blacklist.Removed : LanguageKeys.Blacklist.NotListed, { user: `<@${userId}>` });
}

/** What the settings page shows: the rules, the role lists and the blacklist (admins only). */
export async function adminOverview(services: SettingsServices, actor: Actor, guildId: string) {
	const data = await requireAdmin(services, actor, guildId);
	const [stored, blacklist] = await Promise.all([data.settings(), services.blacklist.list(data)]);
	return {
		rules: guildRules(stored, services.ticketServices.config),
		own: ownRules(stored),
		supportRoleIds: readList(stored.supportRoleIds),
		adminRoleIds: readList(stored.adminRoleIds),
		blacklist
	};
}
