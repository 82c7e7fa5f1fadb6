import {
	DiscordAPIError,
	RESTJSONErrorCodes,
	type Client,
	type Guild,
	type GuildBasedChannel,
	type GuildMember
} from 'discord.js';

/**
 * Servers, channels and members by ID, for a client on the gateway or one that only has REST (the
 * dashboard run alone). On the gateway discord.js keeps its caches current from the events, so a miss
 * means the thing is gone and nothing is asked of Discord. Without the gateway nothing keeps them, so a
 * lookup asks Discord and trusts the answer for `FRESH_MS`: roles taken from a member stop counting
 * within that time, as they would on the gateway's next event.
 */
export const FRESH_MS = 60_000;

/** Discord's answers for something that is not there, or that the bot may not see. */
const ABSENT = new Set<number | string>([
	RESTJSONErrorCodes.UnknownGuild,
	RESTJSONErrorCodes.UnknownChannel,
	RESTJSONErrorCodes.UnknownMember,
	RESTJSONErrorCodes.UnknownUser,
	RESTJSONErrorCodes.MissingAccess
]);

function absentAsNull(error: unknown): null {
	if (error instanceof DiscordAPIError && ABSENT.has(error.code)) return null;
	throw error;
}

/** When each thing was last asked of Discord, per REST-only client. */
const fetchedAt = new WeakMap<Client, Map<string, number>>();

function stale(client: Client, key: string): boolean {
	let times = fetchedAt.get(client);
	if (!times) fetchedAt.set(client, (times = new Map()));
	const now = Date.now();
	const last = times.get(key);
	if (last !== undefined && now - last < FRESH_MS) return false;
	times.set(key, now);
	// Forget what is long past, so the map holds about one minute of lookups.
	if (times.size > 10_000) for (const [k, at] of times) if (now - at >= FRESH_MS) times.delete(k);
	return true;
}

/** Whether discord.js's caches are kept by the gateway (else only by the lookups below). */
export function onGateway(client: Client): boolean {
	return client.isReady();
}

/** A server the bot is in, with its roles and the bot's own member (for role positions). */
export async function guildById(client: Client, guildId: string): Promise<Guild | null> {
	const cached = client.guilds.cache.get(guildId);
	if (onGateway(client)) return cached ?? null;
	if (cached && !stale(client, `guild:${guildId}`)) return cached;
	const guild = await client.guilds.fetch({ guild: guildId, force: true }).catch(absentAsNull);
	if (!guild) {
		client.guilds.cache.delete(guildId);
		return null;
	}
	await guild.members.fetchMe({ force: true }).catch(absentAsNull);
	return guild;
}

/** A member of the server, or null when they are not (or no longer) one. */
export async function memberOf(guild: Guild, userId: string): Promise<GuildMember | null> {
	const { client } = guild;
	const force = !onGateway(client) && stale(client, `member:${guild.id}:${userId}`);
	return guild.members.fetch({ user: userId, force }).catch(absentAsNull);
}

/** A channel of a server the bot is in. */
export async function channelById(client: Client, channelId: string): Promise<GuildBasedChannel | null> {
	const cached = client.channels.cache.get(channelId);
	if (onGateway(client) || (cached && !stale(client, `channel:${channelId}`))) {
		return cached && !cached.isDMBased() ? cached : null;
	}
	const channel = await client.channels.fetch(channelId, { force: true }).catch(absentAsNull);
	return channel && !channel.isDMBased() ? channel : null;
}

const botGuilds = new WeakMap<Client, { at: number; names: Map<string, string> }>();
const GUILD_PAGE = 200;

/** Which of these servers the bot is in, with their names: the gateway's list, or Discord's (read at most once a minute). */
export async function guildsWithTheBot(client: Client, guildIds: readonly string[]): Promise<{ id: string; name: string }[]> {
	if (onGateway(client))
		return guildIds.flatMap((id) => {
			const guild = client.guilds.cache.get(id);
			return guild ? [{ id, name: guild.name }] : [];
		});
	let known = botGuilds.get(client);
	if (!known || Date.now() - known.at >= FRESH_MS) {
		const names = new Map<string, string>();
		for (let after: string | undefined; ;) {
			const page = await client.guilds.fetch({ limit: GUILD_PAGE, ...(after ? { after } : {}) });
			for (const guild of page.values()) names.set(guild.id, guild.name);
			if (page.size < GUILD_PAGE) break;
			after = page.lastKey();
		}
		botGuilds.set(client, (known = { at: Date.now(), names }));
	}
	const { names } = known;
	return guildIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));
}
