import { ChannelType, GatewayDispatchEvents } from 'discord-api-types/v10';
import type { Emulator } from '../Emulator.js';
import { Errors, type Router } from './router.js';

/** A snowflake query parameter (after, before), or null when absent; anything else is a form error. */
function snowflakeQuery(query: URLSearchParams, name: string): bigint | null {
	const value = query.get(name);
	if (value === null) return null;
	if (!/^\d{1,20}$/.test(value)) throw Errors.invalidForm({ [name]: 'Value is not snowflake.' });
	return BigInt(value);
}

export function userRoutes(router: Router, emulator: Emulator): void {
	const { state } = emulator;

	router.add('GET', '/gateway/bot', () => ({
		body: {
			url: emulator.gatewayUrl,
			shards: 1,
			session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 }
		}
	}));
	router.add('GET', '/gateway', () => ({ body: { url: emulator.gatewayUrl } }), { auth: false });

	// The bot's token is the bot; a user's Bearer token (identify) is that user, with the email scope their address too.
	router.add(
		'GET',
		'/users/@me',
		({ bearer }) => {
			if (!bearer) return { body: state.apiUser(emulator.botId) };
			const user = state.apiUser(bearer.userId);
			if (!bearer.scopes.includes('email')) return { body: user };
			const email = state.user(bearer.userId).email ?? null;
			return { body: { ...user, email, verified: email !== null } };
		},
		{ bearerScope: 'identify' }
	);

	// The guilds the caller is in (the bot's with its token, a user's with the guilds scope), by ID, 200 a page.
	router.add(
		'GET',
		'/users/@me/guilds',
		({ bearer, query }) => {
			const userId = bearer?.userId ?? emulator.botId;
			const limit = Number(query.get('limit') ?? 200);
			if (!Number.isInteger(limit) || limit < 1 || limit > 200)
				throw Errors.invalidForm({ limit: 'int value should be between 1 and 200.' });
			const after = snowflakeQuery(query, 'after');
			const before = snowflakeQuery(query, 'before');
			const guilds = [...state.guilds.values()]
				.filter((guild) => guild.members.has(userId))
				.filter((guild) => (after === null || BigInt(guild.id) > after) && (before === null || BigInt(guild.id) < before))
				.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
			// Paging backwards keeps the guilds nearest to `before`.
			const page = before !== null && after === null ? guilds.slice(-limit) : guilds.slice(0, limit);
			const withCounts = query.get('with_counts') === 'true';
			return {
				body: page.map((guild) => ({
					...state.apiPartialGuild(guild, userId),
					...(withCounts ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 } : {})
				}))
			};
		},
		{ bearerScope: 'guilds' }
	);

	// The user's own member object in a guild: OAuth2 only (guilds.members.read), Discord refuses the bot here.
	router.add(
		'GET',
		'/users/@me/guilds/:guildId/member',
		({ bearer, params }) => {
			const guild = state.guilds.get(params.guildId!);
			if (!bearer || !guild?.members.has(bearer.userId)) throw Errors.unknownGuild();
			return { body: state.apiMember(guild.id, bearer.userId) };
		},
		{ bearerScope: 'guilds.members.read', bearerOnly: true }
	);

	router.add('GET', '/users/:userId', ({ params }) => {
		if (!state.users.has(params.userId!)) throw Errors.unknownUser();
		return { body: state.apiUser(params.userId!) };
	});

	router.add('POST', '/users/@me/channels', ({ body }) => {
		const recipientId = body.recipient_id as string;
		if (!state.users.has(recipientId)) throw Errors.unknownUser();
		let channel = [...state.channels.values()].find(
			(entry) => entry.type === ChannelType.DM && entry.recipientId === recipientId
		);
		if (!channel) {
			channel = {
				id: state.newId(),
				guildId: null,
				type: ChannelType.DM,
				name: '',
				parentId: null,
				position: 0,
				topic: null,
				overwrites: [],
				recipientId,
				lastMessageId: null,
				renames: []
			};
			state.channels.set(channel.id, channel);
			emulator.dispatch(GatewayDispatchEvents.ChannelCreate, state.apiChannel(channel));
		}
		return { body: state.apiChannel(channel) };
	});
}
