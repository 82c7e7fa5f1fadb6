import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { publicUrl } from '../../lib/config/env.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { TOKEN_SCOPES } from '../../lib/api/tokens.js';
import { callerOf } from '../../lib/chat/caller.js';
import { createApiToken } from '../../lib/settings/integrations.js';

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
		const { token, info } = await createApiToken(container, callerOf(container, context.member), context.guild.id, {
			name: context.options.string('name')!,
			scope: context.options.string('scope')!
		});
		const { name, scope } = info;
		const { env } = container;
		const where =
			env.WEB_PORT === undefined
				? context.t(LanguageKeys.Api.ServedOff)
				: context.t(LanguageKeys.Api.ServedAt, { url: publicUrl(env) });
		await context.reply(context.t(LanguageKeys.Api.TokenCreated, { name, scope, token, where }));
	}
};
