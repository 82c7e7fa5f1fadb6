import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Refusal } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { notice, type Notice } from '../../lib/i18n/notice.js';
import {
	addGuildWebhook,
	apiTokens,
	createApiToken,
	guildWebhooks,
	removeGuildWebhook,
	revokeApiToken
} from '../../lib/settings/integrations.js';
import type { WebContext, WebServices } from '../context.js';
import { readFlash } from '../flash.js';
import { list, text, type Form } from '../form.js';
import { webText } from '../i18n.js';
import { namesIn, type WebMember } from '../members.js';
import { integrationsPage, type ShownSecret } from '../pages/integrations.js';
import { answerForm, formTarget, guildVisitor, isVisitor, type GuildVisitor } from './guildMember.js';

/** What a form does: a notice to show on the next page, or a secret to show once on this one. */
type IntegrationAction = (services: WebServices, member: WebMember, form: Form) => Promise<Notice | ShownSecret>;

const ACTIONS: Record<string, IntegrationAction> = {
	async 'token-create'(services, member, form) {
		const { token, info } = await createApiToken(services, member.actor, member.guild.id, {
			name: text(form, 'name'),
			scope: text(form, 'scope')
		});
		return { kind: 'token', name: info.name, scope: info.scope, value: token };
	},
	async 'token-revoke'(services, member, form) {
		const revoked = await revokeApiToken(services, member.actor, member.guild.id, text(form, 'name'));
		return notice(LanguageKeys.Api.Revoked, { name: revoked.name });
	},
	async 'webhook-add'(services, member, form) {
		const added = await addGuildWebhook(services, member.actor, member.guild.id, {
			url: text(form, 'url'),
			events: list(form, 'events') || 'all'
		});
		return { kind: 'webhook', id: added.id, value: added.secret };
	},
	async 'webhook-remove'(services, member, form) {
		const id = /^\d{1,9}$/.test(text(form, 'id')) ? Number(text(form, 'id')) : 0;
		await removeGuildWebhook(services, member.actor, member.guild.id, id);
		return notice(LanguageKeys.Webhooks.Removed, { id });
	}
};

/** The server's Integrations page for its admins (API tokens, webhooks, the delivery log), through the commands' use cases. */
export function integrationRoutes(app: FastifyInstance, web: WebContext): void {
	const { services } = web;

	const show = async (request: FastifyRequest, reply: FastifyReply, visitor: GuildVisitor, secret?: ShownSecret) => {
		const { member, access } = visitor;
		const { t, locale } = request.lang;
		const names = namesIn(member.guild);
		const loaded = await Promise.all([
			apiTokens(services, member.actor, member.guild.id),
			guildWebhooks(services, member.actor, member.guild.id)
		]).catch((error: unknown) => {
			if (error instanceof Refusal) return webText(t, error.notice, names, locale);
			throw error;
		});
		if (typeof loaded === 'string') return web.refused(request, reply, loaded);
		const [tokens, webhooks] = loaded;
		const guild = { id: member.guild.id, name: member.guild.name };
		// A page with a secret on it is not kept by the browser or anything between.
		reply.header('cache-control', 'no-store');
		return web.page(
			request,
			reply,
			`${t(LanguageKeys.Web.IntegrationsTitle)} · ${guild.name}`,
			integrationsPage(t, locale, {
				guild,
				access,
				tokens,
				webhooks,
				csrf: reply.generateCsrf(),
				flash: readFlash(request, reply),
				secret,
				nameOf: names.user
			})
		);
	};

	app.get<{ Params: { guildId: string } }>('/g/:guildId/integrations', async (request, reply) => {
		const visitor = await guildVisitor(web, request, reply);
		return isVisitor(visitor) ? show(request, reply, visitor) : visitor;
	});

	app.post<{ Params: { guildId: string; action: string }; Body: Form }>(
		'/g/:guildId/integrations/:action',
		{ preHandler: app.csrfProtection },
		async (request, reply) => {
			const target = await formTarget(web, request, reply, ACTIONS);
			if (!('visitor' in target)) return target;
			const { visitor } = target;
			const { member } = visitor;
			return answerForm(
				web,
				request,
				reply,
				member,
				async () => {
					const done = await target.action(services, member, request.body ?? {});
					// A secret is shown on the answer itself, once: never in a cookie or a URL.
					return 'kind' in done ? show(request, reply, visitor, done) : done;
				},
				`/g/${member.guild.id}/integrations`
			);
		}
	);
}
