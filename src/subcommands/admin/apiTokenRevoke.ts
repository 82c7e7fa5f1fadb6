import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { callerOf } from '../../lib/chat/caller.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { revokeApiToken } from '../../lib/settings/integrations.js';

export const apiTokenRevoke: SubcommandDefinition = {
	name: 'api_token_revoke',
	description: 'Revoke a REST API token of this server: it stops working at once',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'name', type: 'string', description: 'The token’s name (see api_token_list)', required: true, maxLength: 32 }
	],
	async run(context) {
		const revoked = await revokeApiToken(
			container,
			callerOf(container, context.member),
			context.guild.id,
			context.options.string('name')!
		);
		await context.reply(context.t(LanguageKeys.Api.Revoked, { name: revoked.name }));
	}
};
