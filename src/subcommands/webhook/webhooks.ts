import { container } from '@sapphire/framework';
import { EmbedBuilder, time, TimestampStyles } from 'discord.js';
import { callerOf } from '../../lib/chat/caller.js';
import type { SubcommandDefinition } from '../../lib/chat/subcommand.js';
import { LanguageKeys } from '../../lib/i18n/languageKeys.js';
import { cut } from '../../lib/text/cut.js';
import { WEBHOOK_EVENT_NAMES } from '../../lib/model/webhookEvents.js';
import { addGuildWebhook, guildWebhooks, removeGuildWebhook } from '../../lib/settings/integrations.js';

export const webhookAdd: SubcommandDefinition = {
	name: 'add',
	description: 'Post this server’s ticket events to a URL (signed; the secret is shown once)',
	// The secret is for the admin alone: ephemeral by slash, a direct message by prefix.
	answer: 'private',
	preconditions: ['AdminOnly'],
	options: [
		{
			name: 'url',
			type: 'string',
			description: 'https:// address that receives the events',
			required: true,
			maxLength: 500,
			rest: false
		},
		{
			name: 'events',
			type: 'string',
			description: `Comma-separated: ${WEBHOOK_EVENT_NAMES.map((name) => name.slice('ticket.'.length)).join(', ')}, or all (default)`,
			maxLength: 200
		}
	],
	async run(context) {
		const { t } = context;
		const added = await addGuildWebhook(container, callerOf(container, context.member), context.guild.id, {
			url: context.options.string('url')!,
			events: context.options.string('events') ?? 'all'
		});
		await context.reply(
			t(LanguageKeys.Webhooks.Added, {
				id: added.id,
				url: `<${context.options.string('url')!.trim()}>`,
				events: added.events.length ? added.events.join(', ') : t(LanguageKeys.Webhooks.AllEvents),
				secret: `||${added.secret}||`
			})
		);
	}
};

export const webhookList: SubcommandDefinition = {
	name: 'list',
	description: 'This server’s webhooks and how their deliveries went',
	answer: 'private',
	preconditions: ['AdminOnly'],
	async run(context) {
		const { t } = context;
		const { endpoints: webhooks } = await guildWebhooks(container, callerOf(container, context.member), context.guild.id);
		if (webhooks.length === 0) return context.reply(t(LanguageKeys.Webhooks.ListEmpty));
		const lines = webhooks.map((webhook) =>
			t(LanguageKeys.Webhooks.ListLine, {
				id: webhook.id,
				url: `<${webhook.url}>`,
				events: webhook.events.length ? webhook.events.join(', ') : t(LanguageKeys.Webhooks.AllEvents),
				delivered: webhook.delivered,
				pending: webhook.pending,
				failed: webhook.failed,
				last: webhook.last
					? t(LanguageKeys.Webhooks.LastDelivery, {
							event: webhook.last.event,
							status: `${webhook.last.status}${webhook.last.lastStatus ? ` ${webhook.last.lastStatus}` : ''}, ${time(webhook.last.at, TimestampStyles.RelativeTime)}`
						})
					: ''
			})
		);
		return context.reply({
			embeds: [new EmbedBuilder().setTitle(t(LanguageKeys.Webhooks.ListTitle)).setDescription(cut(lines.join('\n'), 4000))]
		});
	}
};

export const webhookRemove: SubcommandDefinition = {
	name: 'remove',
	description: 'Stop posting events to a webhook (its delivery log goes too)',
	answer: 'caller',
	preconditions: ['AdminOnly'],
	options: [
		{
			name: 'id',
			type: 'integer',
			description: 'The webhook’s number (see /webhook list)',
			required: true,
			min: 1,
			max: 1_000_000_000
		}
	],
	async run(context) {
		const id = context.options.integer('id')!;
		await removeGuildWebhook(container, callerOf(container, context.member), context.guild.id, id);
		await context.reply(context.t(LanguageKeys.Webhooks.Removed, { id }));
	}
};
