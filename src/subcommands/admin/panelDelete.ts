import { container } from '@sapphire/framework';
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { refuse } from '../../lib/errors/Refusal.js';

export const panelDelete: SubcommandDefinition = {
	name: 'panel_delete',
	description: 'Delete a panel and the message it posted',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [{ name: 'panel_id', type: 'string', description: 'Which panel', required: true, maxLength: 32 }],
	async run(context) {
		const key = context.options.string('panel_id')!.toLowerCase();
		const data = container.db.forGuild(context.guild.id);
		const panel = await container.panels.delete(data, key);
		if (!panel) refuse(LanguageKeys.Panels.NotFound, { key: key.slice(0, 32) });
		let removed = false;
		const channel = panel.messageId ? context.guild.channels.cache.get(panel.channelId) : undefined;
		if (panel.messageId && channel?.isTextBased()) {
			removed = await channel.messages.delete(panel.messageId).then(
				() => true,
				(error: unknown) => {
					// Already gone (deleted by hand): nothing left to remove.
					if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) return false;
					throw error;
				}
			);
		}
		await container.audit.record(data, {
			actorId: context.member.id,
			action: 'panel.deleted',
			details: { key, messageRemoved: removed }
		});
		await context.reply(context.t(removed ? LanguageKeys.Panels.Deleted : LanguageKeys.Panels.DeletedNoMessage, { key }));
	}
};
