import { UserError, container } from '@sapphire/framework';
import { DiscordAPIError, PermissionFlagsBits, RESTJSONErrorCodes, type Message } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/commands/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { panelCategories, renderPanel } from '../../lib/panels/renderPanel.js';

const NEEDED = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

export const panelDeploy: SubcommandDefinition = {
	name: 'panel_deploy',
	description: 'Post a panel, or update the message it posted before',
	preconditions: ['AdminOnly'],
	options: [{ name: 'panel_id', type: 'string', description: 'Which panel', required: true, maxLength: 32 }],
	async run(context) {
		const { guild, t } = context;
		const data = container.db.forGuild(guild.id);
		const key = context.options.string('panel_id')!.toLowerCase();
		const panel = await container.panels.byKey(data, key);
		if (!panel) throw new UserError({ identifier: LanguageKeys.Panels.NotFound, context: { key: key.slice(0, 32) } });
		const channel = guild.channels.cache.get(panel.channelId);
		if (!channel?.isTextBased() || channel.isThread()) throw new UserError({ identifier: LanguageKeys.Panels.NotTextChannel });
		if (!channel.permissionsFor(guild.members.me!)?.has(NEEDED)) {
			throw new UserError({ identifier: LanguageKeys.Panels.CannotPost, context: { channel: `<#${channel.id}>` } });
		}
		const categories = panelCategories(panel, await container.categories.list(data));
		if (categories.length === 0) throw new UserError({ identifier: LanguageKeys.Panels.NoCategories });
		await context.defer();
		// Panels speak the guild's language, whoever deploys them.
		const payload = renderPanel(panel, categories, context.t);
		let message: Message | null = null;
		if (panel.messageId) {
			message = await channel.messages.edit(panel.messageId, payload).catch((error: unknown) => {
				// The old message was deleted: post a new one.
				if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) return null;
				throw error;
			});
		}
		const redeployed = message !== null;
		message ??= await channel.send(payload);
		await container.panels.markDeployed(data, panel.id, message.id);
		await container.audit.record(data, {
			actorId: context.member.id,
			action: 'panel.deployed',
			details: { key, messageId: message.id }
		});
		await context.reply(t(redeployed ? LanguageKeys.Panels.Redeployed : LanguageKeys.Panels.Deployed, { key, url: message.url }));
	}
};
