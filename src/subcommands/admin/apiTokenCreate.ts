import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { publicUrl } from '../../lib/config/env.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { ApiTokenStore, TOKEN_SCOPES, type TokenScope } from '../../lib/api/tokens.js';

export const apiTokenCreate: SubcommandDefinition = {
	name: 'api_token_create',
	description: 'Create a token for this server’s REST API (shown once, only to you)',
	// The token is a secret: ephemeral by slash, by direct message for the prefix command.
	answer: 'private',
	preconditions: ['AdminOnly'],
	options: [
		{
			name: 'name',
			type: 'string',
			description: 'A name to know it by (ci, helpdesk-sync…)',
			required: true,
			maxLength: 32,
			rest: false
		},
		{
			name: 'scope',
			type: 'string',
			description: 'read: GET only; write: also claim, close and notes',
			required: true,
			choices: TOKEN_SCOPES
		}
	],
	async run(context) {
		const name = context.options.string('name')!;
		const scope = context.options.string('scope') as TokenScope;
		const { token } = await new ApiTokenStore(container.db).create(context.guild.id, {
			name,
			scope,
			createdById: context.member.id
		});
		await container.audit.record(container.db.forGuild(context.guild.id), {
			actorId: context.member.id,
			action: 'api_token.created',
			details: { name, scope }
		});
		const { env } = container;
		const where =
			env.WEB_PORT === undefined
				? context.t(LanguageKeys.Api.ServedOff)
				: context.t(LanguageKeys.Api.ServedAt, { url: publicUrl(env) });
		await context.reply(context.t(LanguageKeys.Api.TokenCreated, { name, scope, token, where }));
	}
};
