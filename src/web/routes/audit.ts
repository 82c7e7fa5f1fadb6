import type { FastifyInstance } from 'fastify';
import { auditAction, readAuditTrail } from '../../lib/audit/auditTrail.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { WebContext } from '../context.js';
import { webText } from '../i18n.js';
import { namesIn } from '../members.js';
import { auditPage, type AuditForm } from '../pages/audit.js';
import { guildVisitor, isVisitor } from './guildMember.js';

const field = (query: Record<string, unknown>, name: string, longest: number) => {
	const value = query[name];
	return typeof value === 'string' ? value.trim().slice(0, longest) : '';
};

/** The server's audit log, for its admins (the log's use case says who may read it). */
export function auditRoutes(app: FastifyInstance, web: WebContext): void {
	const { services } = web;

	app.get<{ Params: { guildId: string }; Querystring: Record<string, unknown> }>('/g/:guildId/audit', async (request, reply) => {
		const visitor = await guildVisitor(web, request, reply);
		if (!isVisitor(visitor)) return visitor;
		const { member, access } = visitor;
		const { t, locale } = request.lang;
		const form: AuditForm = {
			action: field(request.query, 'action', 40),
			actor: field(request.query, 'actor', 20),
			ticket: field(request.query, 'ticket', 9),
			page: field(request.query, 'page', 4)
		};
		const names = namesIn(member.guild);
		// A filter that is not an action, an ID or a number filters nothing, as on the ticket list.
		const trail = await readAuditTrail(services.ticketServices, member.actor, member.guild.id, {
			page: Math.max(1, Number.parseInt(form.page, 10) || 1) - 1,
			action: auditAction(form.action),
			actorId: /^\d{17,20}$/.test(form.actor) ? form.actor : undefined,
			ticketNumber: /^\d{1,9}$/.test(form.ticket) ? Number(form.ticket) : undefined
		}).catch((error: unknown) => {
			if (error instanceof Refusal) return webText(t, error.notice, names, locale);
			throw error;
		});
		if (typeof trail === 'string') return web.refused(request, reply, trail);
		const guild = { id: member.guild.id, name: member.guild.name };
		return web.page(
			request,
			reply,
			`${t(LanguageKeys.Web.AuditTitle)} · ${guild.name}`,
			auditPage(t, locale, { guild, access, trail, form, nameOf: names.user })
		);
	});
}
