import { ChannelType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from 'discord.js';
import type { FastifyInstance } from 'fastify';
import { entryAuthor } from '../../lib/access/actor.js';
import type { TicketCategory } from '../../lib/categories/CategoryService.js';
import { channelById, onGateway } from '../../lib/discord/lookup.js';
import { translatorFor } from '../../lib/discord/translate.js';
import { refuse } from '../../lib/errors/Refusal.js';
import { deployPanel } from '../../lib/panels/deployPanel.js';
import { panelCategories, renderPanel } from '../../lib/panels/renderPanel.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { notice, type Notice } from '../../lib/i18n/notice.js';
import {
	adminOverview,
	blacklistMember,
	requireAdmin,
	setRoleList,
	unblacklistMember,
	updateGuildRules,
	type RuleChanges
} from '../../lib/settings/adminSettings.js';
import { deleteCategory, saveCategory } from '../../lib/settings/categorySettings.js';
import { deletePanel, savePanel } from '../../lib/panels/panelAdmin.js';
import { NUMBER_RULE_NAMES, type GuildRules } from '../../lib/settings/guildRules.js';
import type { WebContext, WebServices } from '../context.js';
import { readFlash } from '../flash.js';
import { integer, list, text, type Form } from '../form.js';
import { webText } from '../i18n.js';
import { namesIn, type WebMember } from '../members.js';
import { settingsPage, type PanelView } from '../pages/settings.js';
import { answerForm, formTarget, guildVisitor, isVisitor } from './guildMember.js';

/**
 * The rule changes a form asks for: only the values that differ from the rules in force, so saving the
 * form unchanged does not turn the configuration's defaults into the server's own values.
 */
function ruleChanges(form: Form, rules: GuildRules): RuleChanges {
	const changes: RuleChanges = { numbers: {} };
	const typed = {
		locale: text(form, 'locale'),
		prefix: text(form, 'prefix'),
		channelNamePattern: text(form, 'channelNamePattern')
	};
	for (const name of ['locale', 'prefix', 'channelNamePattern'] as const)
		if (typed[name] !== rules[name]) changes[name] = typed[name];
	const openerClose = text(form, 'allowOpenerClose') === 'yes';
	if (openerClose !== rules.allowOpenerClose) changes.allowOpenerClose = openerClose;
	for (const name of NUMBER_RULE_NAMES) {
		const value = integer(form, name);
		if (value !== rules[name]) changes.numbers![name] = value;
	}
	return changes;
}

type SettingsAction = (services: WebServices, member: WebMember, form: Form) => Promise<Notice>;

const ACTIONS: Record<string, SettingsAction> = {
	async rules(services, member, form) {
		// The rules in force first (no change asked), then what the form changes of them.
		const current = await updateGuildRules(services, member.actor, member.guild.id, {});
		const { changed } = await updateGuildRules(services, member.actor, member.guild.id, ruleChanges(form, current.rules));
		return notice(changed ? LanguageKeys.Web.RulesSaved : LanguageKeys.Web.RulesUnchanged);
	},
	async reset(services, member) {
		await updateGuildRules(services, member.actor, member.guild.id, { reset: true });
		return notice(LanguageKeys.Web.RulesSaved);
	},
	support_roles: (services, member, form) =>
		setRoleList(services, member.actor, member.guild.id, 'support_roles', text(form, 'roles')),
	admin_roles: (services, member, form) =>
		setRoleList(services, member.actor, member.guild.id, 'admin_roles', text(form, 'roles')),
	'blacklist-add': (services, member, form) =>
		blacklistMember(services, member.actor, member.guild.id, {
			userId: text(form, 'userId'),
			hours: integer(form, 'hours'),
			reason: text(form, 'reason')
		}),
	'blacklist-remove': (services, member, form) =>
		unblacklistMember(services, member.actor, member.guild.id, text(form, 'userId')),
	async 'category-save'(services, member, form) {
		const number = text(form, 'slaMinutes');
		const resolution = text(form, 'resolutionSlaMinutes');
		return saveCategory(services, member.actor, member.guild.id, {
			resolutionSlaMinutes: resolution === '' ? null : integer(form, 'resolutionSlaMinutes'),
			workingHours: text(form, 'workingHours'),
			outOfHours: text(form, 'outOfHours'),
			key: text(form, 'key'),
			displayName: text(form, 'displayName'),
			description: text(form, 'description'),
			emoji: text(form, 'emoji'),
			slaMinutes: number === '' ? null : integer(form, 'slaMinutes'),
			defaultPriority: text(form, 'defaultPriority'),
			defaultTags: text(form, 'defaultTags'),
			staffRoles: text(form, 'staffRoles'),
			parentChannelId: await discordCategory(member, text(form, 'parentChannelId')),
			anonymous: text(form, 'anonymous') === 'yes',
			captcha: text(form, 'captcha') === 'yes',
			questions: text(form, 'questions')
		});
	},
	async 'category-delete'(services, member, form) {
		return (await deleteCategory(services, member.actor, member.guild.id, text(form, 'key'))).done;
	},
	'panel-save': (services, member, form) =>
		savePanel(services, member.actor, member.guild, {
			key: text(form, 'key'),
			channelId: text(form, 'channelId'),
			title: text(form, 'title'),
			description: text(form, 'description'),
			buttonLabel: text(form, 'buttonLabel'),
			emoji: text(form, 'emoji'),
			style: text(form, 'style'),
			mode: text(form, 'mode'),
			categories: list(form, 'categories')
		}),
	'panel-delete': (services, member, form) => deletePanel(services, member.actor, member.guild, text(form, 'key')),
	async 'panel-deploy'(services, member, form) {
		const data = await requireAdmin(services, member.actor, member.guild.id);
		const key = text(form, 'key').toLowerCase().slice(0, 32);
		const panelServices = { panels: services.panels, categories: services.categories, audit: services.ticketServices.audit };
		const { redeployed, url } = await deployPanel(panelServices, member.guild, data, key, entryAuthor(member.actor));
		return notice(redeployed ? LanguageKeys.Panels.Redeployed : LanguageKeys.Panels.Deployed, { key, url });
	}
};

/** The server's Discord categories and text channels, for the forms' menus (the gateway's cache, else REST). */
async function serverChannels(member: WebMember) {
	const { guild } = member;
	const channels = [...(onGateway(guild.client) ? guild.channels.cache : await guild.channels.fetch()).values()];
	const ofType = (type: ChannelType) =>
		channels
			.filter((channel) => channel?.type === type)
			.map((channel) => ({ id: channel!.id, name: channel!.name }))
			.sort((a, b) => a.name.localeCompare(b.name));
	return { discordCategories: ofType(ChannelType.GuildCategory), textChannels: ofType(ChannelType.GuildText) };
}

/** The Discord category a form names, checked to be one of this server's (a form is typed by anyone). */
async function discordCategory(member: WebMember, id: string): Promise<string | null> {
	if (!id) return null;
	const channel = /^\d{17,20}$/.test(id) ? await channelById(member.guild.client, id) : null;
	if (channel?.type !== ChannelType.GuildCategory || channel.guildId !== member.guild.id) refuse(LanguageKeys.Web.NotACategory);
	return id;
}

/** The guild's categories, and each panel with the message it posts (in the guild's language, as deploying it would). */
async function catalog(services: WebServices, member: WebMember): Promise<{ categories: TicketCategory[]; panels: PanelView[] }> {
	const data = services.db.forGuild(member.guild.id);
	const [categories, panels, t] = await Promise.all([
		services.categories.list(data),
		services.panels.list(data),
		translatorFor(member.guild)
	]);
	return {
		categories,
		panels: panels.map((panel) => {
			const payload = renderPanel(panel, panelCategories(panel, categories), t);
			return {
				panel,
				key: panel.key,
				channelName: member.guild.channels.cache.get(panel.channelId)?.name ?? panel.channelId,
				deployedAt: panel.deployedAt,
				preview: {
					embeds: (payload.embeds ?? []).map((embed) => ('toJSON' in embed ? embed.toJSON() : embed) as APIEmbed),
					components: (payload.components ?? []).map(
						(row) => ('toJSON' in row ? row.toJSON() : row) as APIActionRowComponent<APIComponentInMessageActionRow>
					)
				}
			};
		})
	};
}

/** The server's settings page for its admins, and its forms: each one of the /admin commands' use cases. */
export function settingsRoutes(app: FastifyInstance, web: WebContext): void {
	const { services } = web;

	app.get<{ Params: { guildId: string } }>('/g/:guildId/settings', async (request, reply) => {
		const visitor = await guildVisitor(web, request, reply);
		if (!isVisitor(visitor)) return visitor;
		const { member, access } = visitor;
		const { t, locale } = request.lang;
		const names = namesIn(member.guild);
		const overview = await adminOverview(services, member.actor, member.guild.id).catch((error: unknown) => {
			if (error instanceof Refusal) return webText(t, error.notice, names, locale);
			throw error;
		});
		if (typeof overview === 'string') return web.refused(request, reply, overview);
		const [{ categories, panels }, channels] = await Promise.all([catalog(services, member), serverChannels(member)]);
		const guild = { id: member.guild.id, name: member.guild.name };
		return web.page(
			request,
			reply,
			`${t(LanguageKeys.Web.SettingsTitle)} · ${guild.name}`,
			settingsPage(t, locale, {
				guild,
				access,
				overview,
				categories,
				...channels,
				panels,
				csrf: reply.generateCsrf(),
				flash: readFlash(request, reply),
				nameOf: names.user,
				roleName: names.role
			})
		);
	});

	app.post<{ Params: { guildId: string; action: string }; Body: Form }>(
		'/g/:guildId/settings/:action',
		{ preHandler: app.csrfProtection },
		async (request, reply) => {
			const target = await formTarget(web, request, reply, ACTIONS);
			if (!('visitor' in target)) return target;
			const { member } = target.visitor;
			return answerForm(
				web,
				request,
				reply,
				member,
				() => target.action(services, member, request.body ?? {}),
				`/g/${member.guild.id}/settings`
			);
		}
	);
}
