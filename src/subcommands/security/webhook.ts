import { container } from '@sapphire/framework';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { parseWebhookUrl } from '../../lib/security/incidentWebhook.js';
import { refuse } from '../../lib/errors/Refusal.js';

export const webhook: SubcommandDefinition = {
	name: 'webhook',
	description: 'Post every security event to a Discord webhook ("none" stops it)',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [{ name: 'url', type: 'string', description: 'The webhook URL, or none', required: true, maxLength: 300 }],
	async run(context) {
		const text = context.options.string('url')!.trim();
		const clear = /^none$/i.test(text);
		if (!clear && !parseWebhookUrl(text, container.env.DISCORD_API_URL)) refuse(LanguageKeys.Security.BadWebhook);
		const data = container.db.forGuild(context.guild.id);
		await data.updateSettings({ incidentWebhookUrl: clear ? null : text });
		// The URL holds the webhook's secret token: the audit log only says whether one is set.
		await container.audit.record(data, {
			actorId: context.member.id,
			action: 'security.incident_webhook',
			details: { set: !clear }
		});
		await context.reply(context.t(clear ? LanguageKeys.Security.WebhookCleared : LanguageKeys.Security.WebhookSaved));
	}
};
