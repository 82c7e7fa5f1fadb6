import { container } from '@sapphire/framework';
import { EmbedBuilder } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { userText } from '../../lib/discord/escape.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { cut } from '../../lib/text/cut.js';

export const panelList: SubcommandDefinition = {
	name: 'panel_list',
	description: 'List the panels and where they are posted',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	async run(context) {
		const { t, guild } = context;
		const panels = await container.panels.list(container.db.forGuild(guild.id));
		if (panels.length === 0) return context.reply(t(LanguageKeys.Panels.ListEmpty));
		const lines = panels.map((panel) => {
			const where = panel.messageId
				? `https://discord.com/channels/${guild.id}/${panel.channelId}/${panel.messageId}`
				: t(LanguageKeys.Panels.NotDeployed);
			const categories = panel.categoryKeys.length ? panel.categoryKeys.map((key) => `\`${key}\``).join(' ') : '*';
			return `\`${panel.key}\` **${userText(panel.title, 100)}** · <#${panel.channelId}> · ${panel.mode} · ${categories} · ${where}`;
		});
		return context.reply({
			embeds: [
				new EmbedBuilder()
					.setTitle(t(LanguageKeys.Panels.ListTitle, { count: panels.length }))
					.setDescription(cut(lines.join('\n'), 4000))
			]
		});
	}
};
