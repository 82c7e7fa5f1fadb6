import { entryAuthor } from '../access/actor.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice } from '../i18n/notice.js';
import { sanitizeChannelName } from '../text/channelName.js';
import { commitChange } from './change.js';
import { useCase, type TicketOutcome } from './outcome.js';
import { DiscordFailure } from '../errors/DiscordFailure.js';
import { mention, staffScene } from './ticket.js';

const RENAME_WINDOW_MS = 10 * 60_000;

/** Renames the channel (sanitized); Discord's two renames per ten minutes are counted here first, so nobody waits. */
export const rename = useCase<{ name: string }, TicketOutcome>(
	'channel',
	async (services, actor, { guildId, ticketId }, input) => {
		const scene = await staffScene(services, actor, guildId, ticketId, 'edit');
		const { channelId } = scene.ticket;
		if (!channelId) refuse(LanguageKeys.Errors.ChannelGone);
		const name = sanitizeChannelName(input.name, scene.ticket.number);
		const key = `rename:${channelId}`;
		const tooSoon = async (): Promise<never> => {
			const minutes = Math.max(1, Math.ceil(((await services.cache.ttl(key)) ?? RENAME_WINDOW_MS) / 60_000));
			refuse(LanguageKeys.Tickets.RenameTooSoon, { count: minutes });
		};
		if ((await services.cache.increment(key, RENAME_WINDOW_MS)) > 2) await tooSoon();
		await commitChange(services, scene.data, {
			entry: { ticketId, ...entryAuthor(actor), action: 'ticket.renamed', details: { name } },
			// The name lives in Discord only: the timeline entry is the database's side.
			write: async () => true,
			lost: notice(LanguageKeys.Tickets.RenameTooSoon, { count: 10 }),
			effect: async () => {
				try {
					await services.channels.rename(guildId, channelId, name, 'ticket renamed');
				} catch (error) {
					if (error instanceof DiscordFailure && error.rateLimited) await tooSoon();
					throw error;
				}
			}
		});
		return { ticketId, notice: notice(LanguageKeys.Tickets.Renamed, { name, by: mention(actor.userId) }) };
	}
);
