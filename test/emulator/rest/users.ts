import { ChannelType, GatewayDispatchEvents } from 'discord-api-types/v10';
import type { Emulator } from '../Emulator.js';
import { Errors, type Router } from './router.js';

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

	router.add('GET', '/users/@me', () => ({ body: state.apiUser(emulator.botId) }));

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
