import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAdmin } from '../../lib/access/policy.js';
import { guildRoles } from '../../lib/access/roles.js';
import { refuse } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import type { ApiContext } from './context.js';
import { categoriesSchema, panelsSchema } from './schemas.js';

/** /api/v1/guilds/:guildId/categories and /panels: the server's configuration, for its admins. */
export function catalogApi(app: FastifyInstance, api: ApiContext): void {
	const { services, categories, panels } = api;
	const { ticketServices } = services;

	/** The guild's data, once the policy has said the caller is one of its admins (as /admin category_list asks). */
	const adminData = async (request: FastifyRequest) => {
		const { member } = request.apiCaller!;
		const data = services.db.forGuild(member.guild.id);
		const roles = await guildRoles(data, { check: ticketServices.roles, log: ticketServices.log });
		if (!isAdmin(member.actor, roles)) refuse(LanguageKeys.Errors.AdminOnly);
		return data;
	};

	app.get('/guilds/:guildId/categories', { schema: categoriesSchema }, async (request) => {
		const list = await categories.list(await adminData(request));
		return {
			items: list.map((category) => ({
				key: category.key,
				name: category.displayName,
				description: category.description,
				emoji: category.emoji,
				slaMinutes: category.slaMinutes,
				resolutionSlaMinutes: category.resolutionSlaMinutes,
				workingHours: category.workingHours,
				outOfHours: category.outOfHours,
				defaultPriority: category.defaultPriority,
				defaultTags: category.defaultTags,
				staffRoleIds: category.staffRoleIds,
				anonymous: category.anonymousAllowed,
				captcha: category.captcha,
				questions: category.questions.map(({ label, style, required, minLength, maxLength }) => ({
					label,
					style,
					required,
					minLength,
					maxLength
				}))
			}))
		};
	});

	app.get('/guilds/:guildId/panels', { schema: panelsSchema }, async (request) => {
		const list = await panels.list(await adminData(request));
		return {
			items: list.map((panel) => ({
				key: panel.key,
				channelId: panel.channelId,
				title: panel.title,
				description: panel.description,
				mode: panel.mode,
				categoryKeys: panel.categoryKeys,
				messageId: panel.messageId,
				deployedAt: panel.deployedAt
			}))
		};
	});
}
