import { type EmbedBuilder, type Guild } from 'discord.js';
import { usableRoles } from '../access/roles.js';
import type { CategoryService } from '../categories/CategoryService.js';
import { readList } from '../database/json.js';
import { discordStep } from '../discord/failures.js';
import { translatorFor } from '../discord/translate.js';
import { refuse, Refusal } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { ServerFull } from '../tickets/channels.js';
import { hasRoomForChannel } from '../discord/TicketChannelGateway.js';
import { recover, release, served, takeNext, waitingGuilds } from '../tickets/queue.js';
import { awayUntil } from '../tickets/sla.js';
import type { ChatServices } from './services.js';
import { renderWelcome } from './welcome.js';

/** What serving the queue reads: the chat services, the categories, and the log. */
export interface QueueServices extends ChatServices {
	readonly categories: CategoryService;
}

/** At most this many tickets open in one round (a burst of freed channels serves the rest in the next). */
const ROUND = 50;

const rounds = new Map<string, Promise<void>>();

/**
 * Opens the waiting members' tickets, oldest first, while the server has room: one round at a time per
 * guild in this process (a guild's events all reach the process of its shard). Each goes through the one
 * creation path, checks skipped (passed when the member asked), and its welcome says the wait is over.
 * Still no room, or Discord failing: the entry keeps its place for the next freed channel or start.
 */
export function serveQueue(services: QueueServices, guild: Guild): Promise<void> {
	const running = rounds.get(guild.id);
	if (running) return running.then(() => serveQueue(services, guild));
	const round = serve(services, guild)
		.catch((error: unknown) =>
			services.ticketServices.log.error('Could not serve the ticket queue', { guildId: guild.id, error })
		)
		.finally(() => rounds.delete(guild.id));
	rounds.set(guild.id, round);
	return round;
}

/** At start-up: every guild of this process with members waiting (and entries a stopped process had taken). */
export async function serveQueues(services: QueueServices, guilds: ReadonlyMap<string, Guild>): Promise<void> {
	for (const guildId of await waitingGuilds(services.ticketServices.db.prisma)) {
		const guild = guilds.get(guildId);
		if (guild) await serveQueue(services, guild);
	}
}

async function serve(services: QueueServices, guild: Guild): Promise<void> {
	const { ticketServices } = services;
	const data = ticketServices.db.forGuild(guild.id);
	await recover(data);
	for (let count = 0; count < ROUND && hasRoomForChannel(guild); count++) {
		const entry = await takeNext(data);
		if (!entry) return;
		const category = await services.categories.byId(data, entry.categoryId);
		const member = await guild.members.fetch(entry.userId).catch(() => null);
		if (!category || !member) {
			// The category was deleted, or the member left: nobody to open it for.
			await served(data, entry.id);
			continue;
		}
		const settings = await data.settings();
		const staff = usableRoles(
			guild.id,
			[...category.staffRoleIds, ...readList(settings.supportRoleIds)],
			ticketServices.roles,
			ticketServices.log,
			'welcome'
		);
		const t = await translatorFor(guild);
		try {
			const opened = await services.tickets.open({
				guildId: guild.id,
				opener: { id: entry.userId, username: entry.username },
				category,
				answers: entry.answers,
				source: entry.source,
				whenFull: 'queue',
				queued: true,
				welcome: async (ticket) => {
					const channel = await guild.channels.fetch(ticket.channelId);
					if (!channel?.isTextBased()) refuse(LanguageKeys.Errors.ChannelGone);
					const welcome = renderWelcome(
						{ ...ticket, openerId: entry.userId },
						category,
						staff,
						entry.answers,
						t,
						awayUntil(category, new Date())
					);
					const [card] = welcome.embeds as EmbedBuilder[];
					card?.addFields({ name: '\u200b', value: t(LanguageKeys.Tickets.QueueOpened, { user: `<@${entry.userId}>` }) });
					await discordStep({ permission: 'SendMessages', where: `<#${ticket.channelId}>` }, () => channel.send(welcome));
				}
			});
			await served(data, entry.id);
			ticketServices.log.info(`Opened ticket #${opened.number} from the queue`, { guildId: guild.id });
		} catch (error) {
			await release(data, entry.id);
			// No room after all, the member busy opening another, or Discord failing: the next freed channel tries again.
			if (!(error instanceof ServerFull || error instanceof Refusal))
				ticketServices.log.warn('Could not open a ticket from the queue', { guildId: guild.id, error });
			return;
		}
	}
}
