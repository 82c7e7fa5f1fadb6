import { translatorFor } from '../discord/translate.js';
import { DiscordAPIError, type Message } from 'discord.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { callerWorks } from '../chat/caller.js';
import type { ChatServices } from '../chat/services.js';
import type { SecurityServices } from './services.js';

/**
 * Counts a member's message in a ticket channel. The first message over the guild's `spamMessages` within `spamSeconds`
 * (once per window, whatever the number of processes) records a spam event, says so in the ticket and,
 * when the config asks for it, times the member out. Staff are never counted as spammers.
 */
export async function noteTicketMessage(
	services: SecurityServices & ChatServices,
	message: Message<true>,
	ticketId: number
): Promise<boolean> {
	const {
		spamMessages: messages,
		spamSeconds: perSeconds,
		spamTimeoutMinutes: timeoutMinutes
	} = await services.preferences.rules(message.guildId);
	const key = `security:${message.guildId}:spam:${message.channelId}:${message.author.id}`;
	if ((await services.cache.increment(key, perSeconds * 1000)) !== messages + 1) return false;
	const data = services.db.forGuild(message.guildId);
	const ticket = await data.db.ticket.findUnique({ where: { id: ticketId } });
	if (!ticket || !message.member || (await callerWorks(services, message.member, ticket))) return false;
	const t = await translatorFor(message.guild);
	let timedOut = false;
	let timeoutRefused: number | null = null;
	if (timeoutMinutes > 0) {
		try {
			await message.member.timeout(timeoutMinutes * 60_000, t(LanguageKeys.Security.SpamAuditReason));
			timedOut = true;
		} catch (error) {
			if (!(error instanceof DiscordAPIError)) throw error;
			timeoutRefused = Number(error.code);
		}
	}
	await services.security.record(data, {
		type: 'spam_detected',
		userId: message.author.id,
		channelId: message.channelId,
		details: {
			ticket: ticket.number,
			messages: messages + 1,
			perSeconds,
			timeoutMinutes: timedOut ? timeoutMinutes : 0,
			...(timeoutRefused === null ? {} : { timeoutRefused })
		}
	});
	const user = `<@${message.author.id}>`;
	await message.channel.send({
		content: timedOut
			? t(LanguageKeys.Security.SpamTimedOut, { user, minutes: timeoutMinutes })
			: t(LanguageKeys.Security.SpamNotice, { user }),
		allowedMentions: { users: [message.author.id] }
	});
	return true;
}
