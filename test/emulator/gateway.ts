import { GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DiscordState } from './state.js';

interface Session {
	id: string;
	shard: [number, number];
	intents: number;
	seq: number;
	socket: WebSocket | null;
	/** Dispatches sent, kept so a RESUME can replay what the client missed. */
	sent: { s: number; t: string; d: unknown }[];
}

/** Which intent a dispatch needs; events not listed are always sent. */
const EVENT_INTENTS: Partial<Record<string, number>> = {
	[GatewayDispatchEvents.GuildMemberAdd]: GatewayIntentBits.GuildMembers,
	[GatewayDispatchEvents.GuildMemberRemove]: GatewayIntentBits.GuildMembers,
	[GatewayDispatchEvents.GuildMemberUpdate]: GatewayIntentBits.GuildMembers,
	[GatewayDispatchEvents.MessageCreate]: GatewayIntentBits.GuildMessages,
	[GatewayDispatchEvents.MessageUpdate]: GatewayIntentBits.GuildMessages,
	[GatewayDispatchEvents.MessageDelete]: GatewayIntentBits.GuildMessages,
	[GatewayDispatchEvents.MessageDeleteBulk]: GatewayIntentBits.GuildMessages
};

export interface GatewayLogEntry {
	at: number;
	direction: 'in' | 'out';
	op: number;
	t?: string;
	/** The session a dispatch went to. */
	session?: string;
}

/**
 * Who gets INTERACTION_CREATE among the sessions that hold the guild's shard: `every` one of them (the
 * emulator's default), or `one`, in turn among the connected ones, as Discord delivers an interaction to
 * a single session (two bot processes on one shard, as during a rolling restart, each see some clicks).
 */
export type InteractionDelivery = 'every' | 'one';

/** Discord's gateway v10 (JSON, no compression): identify, heartbeats, dispatches, resume. */
export class Gateway {
	public readonly sessions = new Map<string, Session>();
	public readonly log: GatewayLogEntry[] = [];
	public heartbeatInterval = 41_250;
	public interactionDelivery: InteractionDelivery = 'every';
	#nextInteraction = 0;
	readonly #server: WebSocketServer;

	public constructor(
		http: Server,
		private readonly state: DiscordState,
		private readonly token: () => string,
		private readonly url: () => string
	) {
		this.#server = new WebSocketServer({ server: http, path: '/gateway' });
		this.#server.on('connection', (socket) => this.#accept(socket));
	}

	/** The number of READY events sent so far (a resume sends RESUMED instead). */
	public get readyCount(): number {
		return this.log.filter((entry) => entry.t === 'READY').length;
	}

	/** Sends an event to every session whose shard holds the guild (or to all, for guild-less events). */
	public dispatch(event: string, data: unknown, guildId: string | null = null): void {
		const needed = EVENT_INTENTS[event];
		let targets = [...this.sessions.values()].filter(
			(session) => (!guildId || this.#holds(session, guildId)) && (needed === undefined || session.intents & needed)
		);
		if (event === GatewayDispatchEvents.InteractionCreate && this.interactionDelivery === 'one') {
			targets = this.#one(targets);
		}
		for (const session of targets) {
			let payload = data;
			// Without the Message Content intent Discord sends messages with empty content.
			if (event === GatewayDispatchEvents.MessageCreate && !(session.intents & GatewayIntentBits.MessageContent)) {
				payload = { ...(data as object), content: '', embeds: [], attachments: [], components: [] };
			}
			this.#send(session, event, payload);
		}
	}

	/** Closes every connection with a code, as Discord does on errors and restarts (4000: resume). */
	public closeAll(code: number, reason = 'closed by the emulator'): void {
		for (const session of this.sessions.values()) session.socket?.close(code, reason);
	}

	/** Forgets every session, so the next RESUME gets INVALID_SESSION and the client must identify again. */
	public invalidateSessions(): void {
		this.sessions.clear();
	}

	public connectedSessions(): number {
		return [...this.sessions.values()].filter((session) => session.socket).length;
	}

	public async close(): Promise<void> {
		for (const client of this.#server.clients) client.terminate();
		await new Promise((resolve) => this.#server.close(resolve));
	}

	/** One of the sessions, taking turns among those connected (a session without a socket only when none is). */
	#one(sessions: Session[]): Session[] {
		const connected = sessions.filter((session) => session.socket);
		const pool = connected.length > 0 ? connected : sessions;
		if (pool.length === 0) return [];
		return [pool[this.#nextInteraction++ % pool.length]!];
	}

	#holds(session: Session, guildId: string): boolean {
		const [id, count] = session.shard;
		return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
	}

	#accept(socket: WebSocket): void {
		let session: Session | null = null;
		this.#raw(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatInterval }, s: null, t: null });
		socket.on('message', (raw) => {
			let packet: { op: number; d: any };
			try {
				packet = JSON.parse(raw.toString());
			} catch {
				socket.close(4002, 'Error while decoding payload.');
				return;
			}
			this.log.push({ at: Date.now(), direction: 'in', op: packet.op });
			switch (packet.op) {
				case GatewayOpcodes.Heartbeat:
					this.#raw(socket, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
					break;
				case GatewayOpcodes.Identify:
					session = this.#identify(socket, packet.d);
					break;
				case GatewayOpcodes.Resume:
					session = this.#resume(socket, packet.d);
					break;
				case GatewayOpcodes.RequestGuildMembers:
					if (session) this.#members(session, packet.d);
					break;
				default:
					break;
			}
		});
		socket.on('close', () => {
			if (session && session.socket === socket) session.socket = null;
		});
	}

	#identify(socket: WebSocket, data: { token: string; intents: number; shard?: [number, number] }): Session | null {
		if (data.token.replace(/^Bot /, '') !== this.token()) {
			socket.close(4004, 'Authentication failed.');
			return null;
		}
		const shard = data.shard ?? [0, 1];
		if (shard[0] >= shard[1]) {
			socket.close(4010, 'Invalid shard.');
			return null;
		}
		const session: Session = { id: randomBytes(16).toString('hex'), shard, intents: data.intents, seq: 0, socket, sent: [] };
		this.sessions.set(session.id, session);
		const guilds = [...this.state.guilds.values()].filter(
			(guild) => guild.members.has(this.state.botUser.id) && this.#holds(session, guild.id)
		);
		this.#send(session, 'READY', {
			v: 10,
			user: { ...this.state.apiUser(this.state.botUser.id), verified: true, mfa_enabled: false, email: null },
			guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
			session_id: session.id,
			resume_gateway_url: this.url(),
			shard,
			application: { id: this.state.applicationId, flags: 0 },
			private_channels: [],
			relationships: [],
			presences: [],
			guild_join_requests: [],
			user_settings: {},
			geo_ordered_rtc_regions: [],
			auth: {}
		});
		for (const guild of guilds) this.#send(session, GatewayDispatchEvents.GuildCreate, this.state.guildCreatePayload(guild));
		return session;
	}

	#resume(socket: WebSocket, data: { token: string; session_id: string; seq: number }): Session | null {
		const session = this.sessions.get(data.session_id);
		if (!session || data.token.replace(/^Bot /, '') !== this.token()) {
			this.#raw(socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
			return null;
		}
		session.socket = socket;
		for (const missed of session.sent.filter((packet) => packet.s > data.seq)) {
			this.#raw(socket, { op: GatewayOpcodes.Dispatch, ...missed }, session.id);
		}
		this.#send(session, 'RESUMED', {});
		return session;
	}

	#members(
		session: Session,
		data: { guild_id: string; user_ids?: string[] | string; query?: string; limit?: number; nonce?: string }
	): void {
		const guild = this.state.guilds.get(data.guild_id);
		if (!guild) return;
		const wanted = data.user_ids ? new Set([data.user_ids].flat()) : null;
		const members = [...guild.members.keys()]
			.filter((id) => (wanted ? wanted.has(id) : this.state.user(id).username.startsWith(data.query ?? '')))
			.slice(0, data.limit || undefined)
			.map((id) => this.state.apiMember(guild.id, id));
		this.#send(session, GatewayDispatchEvents.GuildMembersChunk, {
			guild_id: guild.id,
			members,
			chunk_index: 0,
			chunk_count: 1,
			not_found: [],
			nonce: data.nonce
		});
	}

	#send(session: Session, t: string, d: unknown): void {
		const packet = { s: ++session.seq, t, d };
		session.sent.push(packet);
		if (session.sent.length > 1000) session.sent.shift();
		if (session.socket) this.#raw(session.socket, { op: GatewayOpcodes.Dispatch, ...packet }, session.id);
	}

	#raw(socket: WebSocket, packet: { op: number; d: unknown; s: number | null; t: string | null }, session?: string): void {
		this.log.push({ at: Date.now(), direction: 'out', op: packet.op, t: packet.t ?? undefined, ...(session ? { session } : {}) });
		if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(packet));
	}
}
