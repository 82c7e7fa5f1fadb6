import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { refuse } from '../../lib/errors/Refusal.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { userWritten } from '../../lib/i18n/notice.js';
import { ApiTokenStore } from '../../lib/api/tokens.js';

export const apiTokenRevoke: SubcommandDefinition = {
	name: 'api_token_revoke',
	description: 'Revoke a REST API token of this server: it stops working at once',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{ name: 'name', type: 'string', description: 'The token’s name (see api_token_list)', required: true, maxLength: 32 }
	],
	async run(context) {
		const name = context.options.string('name')!;
		const revoked = await new ApiTokenStore(container.db).revoke(context.guild.id, name);
		if (!revoked) refuse(LanguageKeys.Api.UnknownName, { name: userWritten(name, 32) });
		await container.audit.record(container.db.forGuild(context.guild.id), {
			actorId: context.member.id,
			action: 'api_token.revoked',
			details: { name: revoked.name, scope: revoked.scope }
		});
		await context.reply(context.t(LanguageKeys.Api.Revoked, { name: revoked.name }));
	}
};
