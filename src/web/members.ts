import { DiscordAPIError, RESTJSONErrorCodes, type Client, type Guild } from 'discord.js';
import type { Actor } from '../lib/access/actor.js';
import { actorOf } from '../lib/discord/actors.js';

/** A dashboard user inside one server, as the access policy sees them, with the server they opened. */
export interface WebMember {
	guild: Guild;
	actor: Actor;
}

/**
 * Who the user is in a server, from Discord through the bot (its member cache, kept current by the
 * gateway, else one REST call), never from the browser: null when the bot is not there or the user is
 * not a member. The same actor as a command's, so the same policy answers.
 */
export async function webMember(
	discord: () => Client,
	ownerIds: readonly string[],
	guildId: string,
	userId: string
): Promise<WebMember | null> {
	const guild = discord().guilds.cache.get(guildId);
	if (!guild) return null;
	const member = await guild.members.fetch(userId).catch((error: unknown) => {
		if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMember) return null;
		throw error;
	});
	return member ? { guild, actor: actorOf(member, ownerIds) } : null;
}
