import { entryAuthor, type Actor } from '../access/actor.js';
import { ApiTokenStore, TOKEN_SCOPES, type ApiTokenInfo, type TokenScope } from '../api/tokens.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { userWritten } from '../i18n/notice.js';
import { addWebhook, listWebhooks, removeWebhook } from '../webhooks/WebhookOutbox.js';
import { requireAdmin, type SettingsServices } from './adminSettings.js';

/**
 * A server's links to its own tools, for its admins on every surface (/admin api_token_*, /webhook, the
 * dashboard's Integrations page): REST API tokens and outbound webhooks. Each use case checks the admin
 * policy and the values itself, and records what it changed in the audit log.
 */
type IntegrationServices = Pick<SettingsServices, 'ticketServices'>;

const tokens = (services: IntegrationServices) => new ApiTokenStore(services.ticketServices.db);

/** A new token: the secret once, for the caller alone. */
export async function createApiToken(
	services: IntegrationServices,
	actor: Actor,
	guildId: string,
	input: { name: string; scope: string }
): Promise<{ token: string; info: ApiTokenInfo }> {
	const data = await requireAdmin(services, actor, guildId);
	if (!(TOKEN_SCOPES as readonly string[]).includes(input.scope))
		refuse(LanguageKeys.Errors.InvalidOption, { argument: 'scope' });
	const created = await tokens(services).create(guildId, {
		name: input.name,
		scope: input.scope as TokenScope,
		createdById: actor.userId
	});
	await services.ticketServices.audit.record(data, {
		...entryAuthor(actor),
		action: 'api_token.created',
		details: { name: input.name, scope: input.scope }
	});
	return created;
}

/** The tokens that still work, oldest first. */
export async function apiTokens(services: IntegrationServices, actor: Actor, guildId: string): Promise<ApiTokenInfo[]> {
	await requireAdmin(services, actor, guildId);
	return tokens(services).list(guildId);
}

/** Stops a token at once. */
export async function revokeApiToken(
	services: IntegrationServices,
	actor: Actor,
	guildId: string,
	name: string
): Promise<ApiTokenInfo> {
	const data = await requireAdmin(services, actor, guildId);
	const revoked = await tokens(services).revoke(guildId, name);
	if (!revoked) refuse(LanguageKeys.Api.UnknownName, { name: userWritten(name, 32) });
	await services.ticketServices.audit.record(data, {
		...entryAuthor(actor),
		action: 'api_token.revoked',
		details: { name: revoked.name, scope: revoked.scope }
	});
	return revoked;
}

/** A new endpoint for the server's ticket events, and its signing secret (shown once). */
export async function addGuildWebhook(
	services: IntegrationServices,
	actor: Actor,
	guildId: string,
	input: { url: string; events: string }
): ReturnType<typeof addWebhook> {
	const data = await requireAdmin(services, actor, guildId);
	return addWebhook(services.ticketServices.audit, data, entryAuthor(actor), input.url, input.events);
}

export async function removeGuildWebhook(
	services: IntegrationServices,
	actor: Actor,
	guildId: string,
	id: number
): Promise<void> {
	const data = await requireAdmin(services, actor, guildId);
	await removeWebhook(services.ticketServices.audit, data, entryAuthor(actor), id);
}

/** The deliveries the delivery log shows, newest first. */
export const DELIVERY_LOG_SIZE = 25;

/** Each endpoint with its counts, and the latest deliveries of all of them (the delivery log). */
export async function guildWebhooks(services: IntegrationServices, actor: Actor, guildId: string) {
	const data = await requireAdmin(services, actor, guildId);
	const [endpoints, deliveries] = await Promise.all([
		listWebhooks(data),
		data.db.webhookDelivery.findMany({
			orderBy: { id: 'desc' },
			take: DELIVERY_LOG_SIZE,
			select: {
				id: true,
				endpointId: true,
				event: true,
				status: true,
				attempts: true,
				lastStatus: true,
				lastError: true,
				createdAt: true,
				deliveredAt: true,
				nextAttemptAt: true
			}
		})
	]);
	return { endpoints, deliveries };
}
