import { EmbedBuilder } from 'discord.js';
import { userText } from './escape.js';
import { channelById } from './lookup.js';
import { translatorFor } from './translate.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { AuditEntry, AuditListener } from '../audit/AuditLog.js';
import { cut } from '../text/cut.js';
import type { DataStore } from '../database/guildData.js';
import type { BackgroundServices } from '../lifecycle/background.js';
import type { InvalidRequestMeter } from './invalidRequests.js';

/** What posting to the log channel reads: the guild's settings and ticket, and the Discord client. */
export type LogChannelServices = BackgroundServices & { readonly db: DataStore; readonly invalidRequests?: InvalidRequestMeter };

const COLORS: [prefix: string, color: number][] = [
	['ticket.opened', 0x57f287],
	['ticket.closed', 0xed4245],
	['ticket.force_closed', 0xed4245],
	['ticket.purged', 0xed4245],
	['ticket.', 0x5865f2],
	['', 0xfee75c]
];

/** One detail as text users cannot turn into markup or mentions. */
function detailText(value: unknown): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'string') return userText(value, 300);
	if (Array.isArray(value)) return userText(value.map(String).join(', '), 300);
	return userText(typeof value === 'object' ? JSON.stringify(value) : String(value), 300);
}

/**
 * Posts every audit entry to the guild's log channel (set with /admin set_channels), after the action
 * has answered: a slow or missing log channel never holds up a ticket. Anonymous tickets' openers are
 * never named.
 */
export async function postToLogChannel(services: LogChannelServices, guildId: string, entry: AuditEntry): Promise<void> {
	const data = services.db.forGuild(guildId);
	const settings = await data.db.guildSettings.findUnique({ where: { guildId } });
	const channel = settings?.logChannelId ? await channelById(services.discord(), settings.logChannelId) : null;
	if (!channel?.isSendable()) return;
	const ticket = entry.ticketId
		? await data.db.ticket.findUnique({
				where: { id: entry.ticketId },
				select: { number: true, channelId: true, anonymous: true, openerId: true }
			})
		: null;
	const t = await translatorFor(channel.guild);
	const person = (id: string | null | undefined) => {
		if (!id) return t(LanguageKeys.Logs.System);
		return ticket?.anonymous && id === ticket.openerId ? t(LanguageKeys.Logs.Anonymous) : `<@${id}>`;
	};
	const embed = new EmbedBuilder()
		.setColor(COLORS.find(([prefix]) => entry.action.startsWith(prefix))![1])
		.setTitle(t(LanguageKeys.Logs.Actions[entry.action]))
		.setFooter({ text: entry.action })
		.addFields({ name: t(LanguageKeys.Logs.Actor), value: person(entry.actorId), inline: true })
		.setTimestamp(new Date());
	if (ticket) {
		const number = `#${String(ticket.number).padStart(4, '0')}`;
		embed.addFields({
			name: t(LanguageKeys.Logs.Ticket),
			value: ticket.channelId ? `${number} <#${ticket.channelId}>` : number,
			inline: true
		});
	}
	if (entry.targetId) embed.addFields({ name: t(LanguageKeys.Logs.Target), value: person(entry.targetId), inline: true });
	const details = Object.entries(entry.details ?? {}).filter(([, value]) => value !== null && value !== undefined);
	if (details.length) {
		embed.addFields({
			name: t(LanguageKeys.Logs.Details),
			value: cut(details.map(([key, value]) => `${key}: ${detailText(value)}`).join('\n'), 1024)
		});
	}
	// Nothing depends on the post: it is skipped while Discord refuses the bot too often (the audit log keeps the entry).
	const send = () => channel.send({ embeds: [embed], allowedMentions: { parse: [] } });
	await (services.invalidRequests ? services.invalidRequests.nonEssential(send) : send());
}

/** The audit listener of a running bot: posts in the background, as tracked work, and only logs a failure. */
export const logChannelListener =
	(services: LogChannelServices): AuditListener =>
	(guildId, entry) => {
		void services.work
			.run(() => postToLogChannel(services, guildId, entry))
			.catch((error: unknown) =>
				services.logger.warn(`Could not post ${entry.action} to the log channel of ${guildId}`, { error })
			);
	};
