import { container } from '@sapphire/framework';
import { EmbedBuilder, time, TimestampStyles } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { cut } from '../../lib/text/cut.js';
import { callerOf } from '../../lib/chat/caller.js';
import { apiTokens } from '../../lib/settings/integrations.js';

export const apiTokenList: SubcommandDefinition = {
	name: 'api_token_list',
	description: 'List this server’s REST API tokens that still work',
	answer: 'private',
	preconditions: ['AdminOnly'],
	async run(context) {
		const { t } = context;
		const tokens = await apiTokens(container, callerOf(container, context.member), context.guild.id);
		if (tokens.length === 0) return context.reply(t(LanguageKeys.Api.ListEmpty));
		const lines = tokens.map((token) =>
			t(LanguageKeys.Api.ListLine, {
				name: token.name,
				scope: token.scope,
				user: `<@${token.createdById}>`,
				created: time(token.createdAt, TimestampStyles.RelativeTime),
				used: token.lastUsedAt
					? t(LanguageKeys.Api.LastUsed, { when: time(token.lastUsedAt, TimestampStyles.RelativeTime) })
					: t(LanguageKeys.Api.NeverUsed)
			})
		);
		const embed = new EmbedBuilder()
			.setTitle(t(LanguageKeys.Api.ListTitle, { count: tokens.length }))
			.setDescription(cut(lines.join('\n'), 4000));
		return context.reply({ embeds: [embed] });
	}
};
