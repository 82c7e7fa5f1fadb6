import {
	ChannelType,
	GatewayOpcodes,
	InteractionResponseType,
	MessageFlags,
	PermissionFlagsBits as P
} from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Emulator } from './Emulator.js';
import { GatewayClient } from './gatewayClient.js';
import type { EGuild, EUser } from './state.js';
import { World } from './world.js';

let emulator: Emulator;
let world: World;
let owner: EUser;
let guild: EGuild;

beforeEach(async () => {
	emulator = await new Emulator().start();
	world = new World(emulator);
	owner = world.createUser('owner');
	guild = world.createGuild({ name: 'Guild', owner });
});

afterEach(() => emulator.stop());

async function api(method: string, path: string, body?: unknown, token: string | null = emulator.token) {
	const response = await fetch(`${emulator.restUrl}/v10${path}`, {
		method,
		headers: { ...(token ? { authorization: `Bot ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const general = () => world.channelByName(guild, 'general')!;

describe('REST', () => {
	it('puts rate-limit headers on every answer and refuses past the bucket, with Retry-After', async () => {
		emulator.limits.config = { limit: 2, windowMs: 60_000, globalPerSecond: 50 };
		const first = await api('GET', `/channels/${general().id}`);
		expect(first.status).toBe(200);
		expect(first.headers.get('x-ratelimit-limit')).toBe('2');
		expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
		expect(Number(first.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(50);
		expect(first.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{16}$/);
		await api('GET', `/channels/${general().id}`);
		const third = await api('GET', `/channels/${general().id}`);
		expect(third.status).toBe(429);
		expect(third.body).toMatchObject({ message: 'You are being rate limited.', global: false });
		expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(50);
		// Another channel is another bucket.
		const other = world.createChannel(guild, { name: 'other' });
		expect((await api('GET', `/channels/${other.id}`)).status).toBe(200);
		expect(emulator.invalidRequestCount()).toBe(1);
	});

	it('refuses a command whose option description, choice name or translation Discord would refuse', async () => {
		const path = `/applications/${emulator.state.applicationId}/commands`;
		const command = (option: Record<string, unknown>) => ({
			name: 'ticket',
			description: 'Support tickets',
			description_localizations: { fr: 'Tickets d’assistance' },
			options: [{ type: 1, name: 'close', description: 'Close', options: [{ type: 3, name: 'reason', ...option }] }]
		});
		expect((await api('POST', path, command({ description: 'Why' }))).status).toBe(201);
		const tooLong = await api('POST', path, command({ description: 'Why', description_localizations: { fr: 'x'.repeat(101) } }));
		expect(tooLong.status).toBe(400);
		expect(JSON.stringify(tooLong.body)).toContain('options.0.options.0.description_localizations.fr');
		const unknownLocale = await api(
			'POST',
			path,
			command({ description: 'Why', description_localizations: { klingon: 'Qatlh' } })
		);
		expect(unknownLocale.status).toBe(400);
		expect((await api('POST', path, command({ description: '' }))).status).toBe(400);
		const badChoice = await api(
			'POST',
			path,
			command({ description: 'Why', choices: [{ name: 'high', value: 'high', name_localizations: { fr: '' } }] })
		);
		expect(JSON.stringify(badChoice.body)).toContain('options.0.options.0.choices.0.name_localizations.fr');
	});

	it('injects a 429 (route or global), a 5xx and latency on demand', async () => {
		emulator.limits.injectRateLimit({ method: 'GET', route: '/channels/:channelId' }, { retryAfterMs: 1500 });
		const limited = await api('GET', `/channels/${general().id}`);
		expect(limited.status).toBe(429);
		expect(limited.body.retry_after).toBe(1.5);
		expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
		// The bucket stays closed until its reset.
		expect((await api('GET', `/channels/${general().id}`)).status).toBe(429);

		// A per-resource limit says so (scope "shared") and spends none of the route's bucket.
		emulator.limits.injectRateLimit({ method: 'GET', route: '/users/@me' }, { retryAfterMs: 800, shared: true });
		const shared = await api('GET', '/users/@me');
		expect(shared.status).toBe(429);
		expect(shared.headers.get('x-ratelimit-scope')).toBe('shared');
		expect((await api('GET', '/users/@me')).status).toBe(200);

		emulator.limits.injectRateLimit({}, { retryAfterMs: 200, global: true });
		const global = await api('GET', '/users/@me');
		expect(global.headers.get('x-ratelimit-global')).toBe('true');

		await new Promise((resolve) => setTimeout(resolve, 250));
		emulator.limits.injectServerError({ route: '/users/@me' }, { status: 502 });
		expect((await api('GET', '/users/@me')).status).toBe(502);
		expect((await api('GET', '/users/@me')).status).toBe(200);

		emulator.limits.injectLatency({ route: '/users/@me' }, 120, 1);
		const started = Date.now();
		await api('GET', '/users/@me');
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});

	it('answers unknown routes with 404 in Discord’s shape and records them; a wrong token gets 401', async () => {
		expect(await api('GET', '/nothing/here')).toMatchObject({ status: 404, body: { message: '404: Not Found', code: 0 } });
		expect(emulator.unknownRoutes).toEqual(['GET /nothing/here']);
		expect((await api('GET', '/users/@me', undefined, 'wrong')).status).toBe(401);
	});

	it('creates a message sent again with the same enforced nonce once, as Discord does', async () => {
		const send = (content: string, enforce: boolean) =>
			api('POST', `/channels/${general().id}/messages`, { content, nonce: 'close-42', enforce_nonce: enforce });
		const first = await send('once', true);
		const again = await send('once again', true);
		expect(again.body.id).toBe(first.body.id);
		expect(again.body.content).toBe('once');
		// Without enforce_nonce the nonce does not dedupe.
		expect((await send('twice', false)).body.id).not.toBe(first.body.id);
	});

	it('answers 204 with no JSON content type', async () => {
		const response = await fetch(`${emulator.restUrl}/v10/channels/${general().id}/typing`, {
			method: 'POST',
			headers: { authorization: `Bot ${emulator.token}` }
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('content-type')).toBeNull();
	});

	it('creates a channel with its overwrites in one call, and enforces what the bot may grant', async () => {
		const member = world.createUser('member');
		world.addMember(guild, member);
		const created = await api('POST', `/guilds/${guild.id}/channels`, {
			name: 'Ticket 0001',
			type: ChannelType.GuildText,
			permission_overwrites: [
				{ id: guild.id, type: 0, deny: String(P.ViewChannel) },
				{ id: member.id, type: 1, allow: String(P.ViewChannel | P.SendMessages) }
			]
		});
		expect(created.status).toBe(201);
		expect(created.body.name).toBe('ticket-0001');
		const channel = emulator.state.channel(created.body.id);
		expect(emulator.state.permissionsIn(channel.id, member.id) & P.SendMessages).toBe(P.SendMessages);
		expect(emulator.state.permissionsIn(channel.id, owner.id)).not.toBe(0n);

		// Administrator is not the bot's to grant.
		const refused = await api('POST', `/guilds/${guild.id}/channels`, {
			name: 'x',
			permission_overwrites: [{ id: member.id, type: 1, allow: String(P.Administrator) }]
		});
		expect(refused).toMatchObject({ status: 403, body: { code: 50013 } });
	});

	it('follows an overwrite change with CHANNEL_UPDATE, as Discord does', async () => {
		const gateway = new GatewayClient(emulator.gatewayUrl);
		await gateway.identify(emulator.token);
		await gateway.waitFor(() => gateway.events('GUILD_CREATE').length === 1, 'GUILD_CREATE');
		const member = world.createUser('member');
		world.addMember(guild, member);
		const put = await fetch(`${emulator.restUrl}/v10/channels/${general().id}/permissions/${member.id}`, {
			method: 'PUT',
			headers: { authorization: `Bot ${emulator.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ type: 1, deny: String(P.SendMessages) })
		});
		expect(put.status).toBe(204);
		await gateway.waitFor(() => gateway.events('CHANNEL_UPDATE').length === 1, 'CHANNEL_UPDATE');
		expect(gateway.events('CHANNEL_UPDATE')[0]!.d.permission_overwrites).toContainEqual({
			id: member.id,
			type: 1,
			allow: '0',
			deny: String(P.SendMessages)
		});
		gateway.close();
	});

	it('refuses what the bot lacks permission for with 50013, and channels past Discord’s limits', async () => {
		const weak = world.createGuild({ name: 'Weak', owner, botPermissions: P.ViewChannel | P.SendMessages });
		expect(await api('POST', `/guilds/${weak.id}/channels`, { name: 'x' })).toMatchObject({ status: 403, body: { code: 50013 } });

		const category = world.createChannel(guild, { name: 'Tickets', type: ChannelType.GuildCategory });
		for (let i = 0; i < 50; i++) world.createChannel(guild, { name: `t-${i}`, parent: category });
		const full = await api('POST', `/guilds/${guild.id}/channels`, { name: 'one-more', parent_id: category.id });
		expect(full).toMatchObject({
			status: 400,
			body: { code: 50035, errors: { parent_id: { _errors: [{ code: 'CHANNEL_PARENT_MAX_CHANNELS' }] } } }
		});

		for (let i = emulator.state.guildChannels(guild.id).length; i < 500; i++) world.createChannel(guild, { name: `c-${i}` });
		expect(await api('POST', `/guilds/${guild.id}/channels`, { name: 'too-many' })).toMatchObject({
			status: 400,
			body: { code: 30013 }
		});
	});

	it('refuses half an emoji and embed texts past their limits, as Discord stores and checks them', async () => {
		const channel = general();
		const post = (body: unknown) => api('POST', `/channels/${channel.id}/messages`, body);
		expect(await post({ content: `cut here \ud83d` })).toMatchObject({
			status: 400,
			body: { code: 50035, errors: { content: {} } }
		});
		const field = (value: string) => ({ embeds: [{ title: 't', fields: [{ name: 'n', value }] }] });
		expect((await post(field('x'.repeat(1024)))).status).toBe(200);
		expect(await post(field('x'.repeat(1025)))).toMatchObject({
			status: 400,
			body: { errors: { 'embeds.0.fields.0.value': {} } }
		});
		expect(await post({ embeds: [{ title: 'x'.repeat(257) }] })).toMatchObject({ status: 400, body: { code: 50035 } });
		const sixThousand = { embeds: [{ description: 'x'.repeat(4096) }, { description: 'y'.repeat(2000) }] };
		expect(await post(sixThousand)).toMatchObject({ status: 400, body: { errors: { embeds: {} } } });
	});

	it('allows two renames of a channel per ten minutes', async () => {
		const channel = general();
		expect((await api('PATCH', `/channels/${channel.id}`, { name: 'one' })).status).toBe(200);
		expect((await api('PATCH', `/channels/${channel.id}`, { name: 'two' })).status).toBe(200);
		const third = await api('PATCH', `/channels/${channel.id}`, { name: 'three' });
		expect(third.status).toBe(429);
		expect(third.headers.get('x-ratelimit-scope')).toBe('shared');
		expect(third.body.retry_after).toBeGreaterThan(590);
		expect(channel.name).toBe('two');
		// A change that is not a rename is not limited.
		expect((await api('PATCH', `/channels/${channel.id}`, { topic: 'hello' })).status).toBe(200);
	});

	it('keeps and pages message history with before, after and limit', async () => {
		const sent = [];
		for (let i = 0; i < 5; i++)
			sent.push((await api('POST', `/channels/${general().id}/messages`, { content: `m${i}` })).body.id);
		const latest = await api('GET', `/channels/${general().id}/messages?limit=2`);
		expect(latest.body.map((message: { content: string }) => message.content)).toEqual(['m4', 'm3']);
		const before = await api('GET', `/channels/${general().id}/messages?limit=100&before=${sent[2]}`);
		expect(before.body.map((message: { content: string }) => message.content)).toEqual(['m1', 'm0']);
		const after = await api('GET', `/channels/${general().id}/messages?limit=2&after=${sent[0]}`);
		expect(after.body.map((message: { content: string }) => message.content)).toEqual(['m2', 'm1']);
		expect(await api('POST', `/channels/${general().id}/messages`, {})).toMatchObject({ status: 400, body: { code: 50006 } });
	});

	it('accepts multipart messages with files and serves the files back', async () => {
		const form = new FormData();
		form.append('payload_json', JSON.stringify({ content: 'files', attachments: [{ id: 0, filename: 'transcript.txt' }] }));
		form.append('files[0]', new Blob(['hello transcript'], { type: 'text/plain' }), 'transcript.txt');
		const response = await fetch(`${emulator.restUrl}/v10/channels/${general().id}/messages`, {
			method: 'POST',
			headers: { authorization: `Bot ${emulator.token}` },
			body: form
		});
		const message = (await response.json()) as { attachments: { url: string }[] };
		expect(message.attachments[0]).toMatchObject({ filename: 'transcript.txt', size: 16 });
		expect(await (await fetch(message.attachments[0]!.url)).text()).toBe('hello transcript');
	});

	it('signs attachment URLs as Discord’s CDN does, and stops serving them once they expire', async () => {
		emulator.attachmentTtlMs = 1_000;
		const sent = world.say(owner, general(), 'a file', [
			{ field: 'files[0]', filename: 'receipt.txt', contentType: 'text/plain', data: Buffer.from('paid') }
		]);
		const url = new URL(sent.attachments[0]!.url);
		expect([...url.searchParams.keys()]).toEqual(['ex', 'is', 'hm']);
		expect(await (await fetch(url)).text()).toBe('paid');
		const forged = new URL(url);
		forged.searchParams.set('ex', (Number.parseInt(url.searchParams.get('ex')!, 16) + 3600).toString(16));
		expect((await fetch(forged)).status).toBe(404);
		await new Promise((resolve) => setTimeout(resolve, 2_100));
		expect((await fetch(url)).status).toBe(404);
	});

	it('times a member out and refuses to time out the owner', async () => {
		const member = world.createUser('member');
		world.addMember(guild, member);
		const until = new Date(Date.now() + 60_000).toISOString();
		expect((await api('PATCH', `/guilds/${guild.id}/members/${member.id}`, { communication_disabled_until: until })).status).toBe(
			200
		);
		expect(emulator.state.permissionsIn(general().id, member.id) & P.SendMessages).toBe(0n);
		expect((await api('PATCH', `/guilds/${guild.id}/members/${owner.id}`, { communication_disabled_until: until })).status).toBe(
			403
		);
	});
});

describe('interactions', () => {
	const callback = (id: string, token: string, body: unknown) => api('POST', `/interactions/${id}/${token}/callback`, body, null);

	function buttonInteraction() {
		const member = world.createUser('member');
		world.addMember(guild, member);
		const message = world.say(owner, general(), 'panel');
		message.components = [{ type: 1, components: [{ type: 2, style: 1, label: 'Go', custom_id: 'go' }] }];
		return world.click(member, message, 'Go');
	}

	it('accepts one response within 3 seconds; a second fails with 40060', async () => {
		const interaction = buttonInteraction();
		expect(
			(await callback(interaction.id, interaction.token, { type: InteractionResponseType.DeferredMessageUpdate })).status
		).toBe(204);
		expect(
			await callback(interaction.id, interaction.token, { type: InteractionResponseType.DeferredMessageUpdate })
		).toMatchObject({ status: 400, body: { code: 40060 } });
	});

	it('answers a response after 3 seconds with 10062 Unknown interaction', async () => {
		const interaction = buttonInteraction();
		interaction.createdAt -= 3_001;
		expect(
			await callback(interaction.id, interaction.token, {
				type: InteractionResponseType.ChannelMessageWithSource,
				data: { content: 'late' }
			})
		).toMatchObject({
			status: 404,
			body: { code: 10062 }
		});
	});

	it('turns a deferred reply into a message on the first edit, and keeps ephemeral replies to their user', async () => {
		const interaction = buttonInteraction();
		await callback(interaction.id, interaction.token, {
			type: InteractionResponseType.DeferredChannelMessageWithSource,
			data: { flags: MessageFlags.Ephemeral }
		});
		const edited = await api(
			'PATCH',
			`/webhooks/${emulator.state.applicationId}/${interaction.token}/messages/@original`,
			{ content: 'done' },
			null
		);
		expect(edited.status).toBe(200);
		const message = emulator.state.messages.get(edited.body.id)!;
		expect(message).toMatchObject({ content: 'done', ephemeralFor: interaction.userId });
		// Ephemeral messages are not in the channel's history.
		const history = await api('GET', `/channels/${general().id}/messages`);
		expect(history.body.map((entry: { id: string }) => entry.id)).not.toContain(message.id);
	});

	it('refuses a follow-up before the first response, and accepts it after', async () => {
		const interaction = buttonInteraction();
		const followUp = () =>
			api('POST', `/webhooks/${emulator.state.applicationId}/${interaction.token}`, { content: 'more' }, null);
		expect((await followUp()).status).toBe(404);
		await callback(interaction.id, interaction.token, {
			type: InteractionResponseType.UpdateMessage,
			data: { content: 'updated' }
		});
		expect(emulator.state.messages.get(interaction.sourceMessageId!)!.content).toBe('updated');
		expect((await followUp()).status).toBe(200);
		expect(interaction.followUpIds).toHaveLength(1);
	});

	it('refuses component-only responses to slash commands', async () => {
		emulator.state.commands.set('1', {
			id: '1',
			applicationId: emulator.state.applicationId,
			guildId: null,
			version: '1',
			body: { name: 'x', description: 'x', options: [] }
		});
		const interaction = world.slash(owner, general(), ['x']);
		expect(
			(await callback(interaction.id, interaction.token, { type: InteractionResponseType.UpdateMessage, data: {} })).status
		).toBe(400);
	});
});

describe('gateway', () => {
	it('gives each shard only its guilds', async () => {
		for (let i = 0; i < 6; i++) world.createGuild({ name: `g${i}`, owner });
		const shards = [new GatewayClient(emulator.gatewayUrl), new GatewayClient(emulator.gatewayUrl)];
		await shards[0]!.identify(emulator.token, [0, 2]);
		await shards[1]!.identify(emulator.token, [1, 2]);
		for (const shard of shards) await shard.waitFor(() => shard.events('READY').length === 1, 'READY');
		const ids = shards.map((shard) => shard.events('READY')[0]!.d.guilds.map((entry: { id: string }) => entry.id) as string[]);
		expect(ids[0]!.length + ids[1]!.length).toBe(7);
		expect(ids[0]!.filter((id) => ids[1]!.includes(id))).toEqual([]);
		for (const [index, list] of ids.entries()) for (const id of list) expect(Number((BigInt(id) >> 22n) % 2n)).toBe(index);
		for (const shard of shards) shard.close();
	});

	it('refuses a wrong token with close code 4004', async () => {
		const client = new GatewayClient(emulator.gatewayUrl);
		await client.identify('not-the-token');
		await client.waitFor(() => client.closeCode !== null, 'close');
		expect(client.closeCode).toBe(4004);
	});

	it('resumes a session: replays what was missed and sends RESUMED, not READY', async () => {
		const first = new GatewayClient(emulator.gatewayUrl);
		await first.identify(emulator.token);
		await first.waitFor(() => first.events('GUILD_CREATE').length === 1, 'GUILD_CREATE');
		const ready = first.events('READY')[0]!;
		const seq = Math.max(...first.dispatches.map((packet) => packet.s));
		emulator.gateway.closeAll(4000);
		await first.waitFor(() => first.closeCode !== null, 'close');
		world.createChannel(guild, { name: 'while-away' });

		const second = new GatewayClient(ready.d.resume_gateway_url);
		await second.send(GatewayOpcodes.Resume, { token: emulator.token, session_id: ready.d.session_id, seq });
		await second.waitFor(() => second.events('RESUMED').length === 1, 'RESUMED');
		expect(second.events('CHANNEL_CREATE').map((packet) => packet.d.name)).toEqual(['while-away']);
		expect(second.events('READY')).toEqual([]);
		second.close();

		const stranger = new GatewayClient(emulator.gatewayUrl);
		await stranger.send(GatewayOpcodes.Resume, { token: emulator.token, session_id: 'unknown', seq: 0 });
		await stranger.waitFor(() => stranger.invalidSession, 'INVALID_SESSION');
		stranger.close();
	});

	it('sends an interaction to every session of its shard by default, or to one in turn, skipping closed ones', async () => {
		emulator.state.commands.set('1', {
			id: '1',
			applicationId: emulator.state.applicationId,
			guildId: null,
			version: '1',
			body: { name: 'x', description: 'x', options: [] }
		});
		const sessions = [new GatewayClient(emulator.gatewayUrl), new GatewayClient(emulator.gatewayUrl)];
		for (const session of sessions) await session.identify(emulator.token);
		for (const session of sessions) await session.waitFor(() => session.events('GUILD_CREATE').length === 1, 'GUILD_CREATE');
		const received = (session: GatewayClient) => session.events('INTERACTION_CREATE').map((packet) => packet.d.id as string);
		const slash = (count: number) => Array.from({ length: count }, () => world.slash(owner, general(), ['x']).id);

		const everyone = slash(2);
		for (const session of sessions) await session.waitFor(() => received(session).length === 2, 'both interactions');
		expect(sessions.map(received)).toEqual([everyone, everyone]);

		emulator.gateway.interactionDelivery = 'one';
		const spread = slash(4);
		await sessions[0]!.waitFor(() => received(sessions[0]!).length + received(sessions[1]!).length === 8, 'four more');
		const [first, second] = sessions.map((session) => received(session).slice(2));
		expect(first).toHaveLength(2);
		expect(second).toHaveLength(2);
		expect([...first!, ...second!].sort()).toEqual([...spread].sort());
		const logged = emulator.gateway.log.filter((entry) => entry.t === 'INTERACTION_CREATE' && entry.session);
		expect(new Set(logged.slice(-4).map((entry) => entry.session)).size).toBe(2);

		sessions[1]!.close();
		await sessions[0]!.waitFor(() => emulator.gateway.connectedSessions() === 1, 'the closed session');
		const alone = slash(3);
		await sessions[0]!.waitFor(() => received(sessions[0]!).length === 7, 'all three on the open session');
		expect(received(sessions[0]!).slice(4)).toEqual(alone);
		expect(received(sessions[1]!)).toHaveLength(4);
		sessions[0]!.close();
	});

	it('takes the interaction delivery from its options', async () => {
		const spreading = await new Emulator({ interactionDelivery: 'one' }).start();
		expect(spreading.gateway.interactionDelivery).toBe('one');
		expect(emulator.gateway.interactionDelivery).toBe('every');
		await spreading.stop();
	});
});

describe('webhooks and members', () => {
	it('executes a guild webhook, returning the message only with wait=true', async () => {
		const created = await api('POST', `/channels/${general().id}/webhooks`, { name: 'Incidents' });
		expect(created.status).toBe(200);
		const execute = (query: string) =>
			fetch(`${emulator.restUrl}/v10/webhooks/${created.body.id}/${created.body.token}${query}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ content: 'raid detected' })
			});
		expect((await execute('')).status).toBe(204);
		const waited = await execute('?wait=true');
		expect(await waited.json()).toMatchObject({ content: 'raid detected', webhook_id: created.body.id });
		expect(
			(
				await fetch(`${emulator.restUrl}/v10/webhooks/${created.body.id}/wrong-token`, {
					method: 'POST',
					body: '{}',
					headers: { 'content-type': 'application/json' }
				})
			).status
		).toBe(404);
	});

	it('tells the bot when members join and leave', async () => {
		const gateway = new GatewayClient(emulator.gatewayUrl);
		await gateway.identify(emulator.token);
		await gateway.waitFor(() => gateway.events('GUILD_CREATE').length === 1, 'GUILD_CREATE');
		const member = world.createUser('member');
		world.addMember(guild, member);
		world.removeMember(guild, member);
		await gateway.waitFor(() => gateway.events('GUILD_MEMBER_REMOVE').length === 1, 'GUILD_MEMBER_REMOVE');
		expect(gateway.events('GUILD_MEMBER_ADD')[0]!.d.user.id).toBe(member.id);
		gateway.close();
	});
});
