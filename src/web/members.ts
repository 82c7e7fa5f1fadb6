import type { Client, Guild } from 'discord.js';
import type { Actor } from '../lib/access/actor.js';
import { actorGuildAccess, type AccessSources } from '../lib/access/guildAccess.js';
import { actorOf } from '../lib/discord/actors.js';
import { guildById, memberOf } from '../lib/discord/lookup.js';
import type { WebNames } from './i18n.js';

/** A dashboard user inside one server, as the access policy sees them, with the server they opened. */
export interface WebMember {
	guild: Guild;
	actor: Actor;
}

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * Who the user is in a server, from Discord through the bot (its caches, kept current by the gateway,
 * or REST read at most once a minute when the dashboard runs alone), never from the browser: null when the bot is not there or the user is
 * not a member. The same actor as a command's, so the same policy answers; its actions say they came
 * from the dashboard.
 */
export async function webMember(
	discord: () => Client,
	ownerIds: readonly string[],
	guildId: string,
	userId: string
): Promise<WebMember | null> {
	if (!SNOWFLAKE.test(guildId)) return null;
	const guild = await guildById(discord(), guildId);
	if (!guild) return null;
	const member = await memberOf(guild, userId);
	return member ? { guild, actor: { ...actorOf(member, ownerIds), via: 'web' } } : null;
}

/** Names the bot knows in a server, for what a page shows instead of IDs and mentions. */
export function namesIn(guild: Guild): WebNames {
	return {
		user: (id) => {
			const member = guild.members.cache.get(id);
			return member?.displayName ?? guild.client.users.cache.get(id)?.username ?? id;
		},
		role: (id) => (id === guild.id ? 'everyone' : (guild.roles.cache.get(id)?.name ?? id)),
		channel: (id) => guild.channels.cache.get(id)?.name ?? id
	};
}

/** What the member may open beyond tickets: the guild-wide pages (staff: analytics; admins: the audit log and settings). */
export interface GuildAccess {
	staff: boolean;
	admin: boolean;
}

/** The policy's answers for the server's guild-wide pages, asked once a page. */
export function guildAccess(services: AccessSources, member: WebMember): Promise<GuildAccess> {
	return actorGuildAccess(services, member.guild.id, member.actor);
}
