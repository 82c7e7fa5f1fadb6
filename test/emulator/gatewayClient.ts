import { GatewayOpcodes } from 'discord-api-types/v10';
import WebSocket from 'ws';

/** A bare gateway client for the emulator's own tests (the bot uses discord.js). */
export class GatewayClient {
	public readonly dispatches: { t: string; s: number; d: any }[] = [];
	public closeCode: number | null = null;
	public invalidSession = false;
	readonly #socket: WebSocket;
	readonly #opened: Promise<void>;

	public constructor(url: string) {
		this.#socket = new WebSocket(`${url}?v=10&encoding=json`);
		this.#opened = new Promise((resolve) => this.#socket.once('open', () => resolve()));
		this.#socket.on('message', (raw) => {
			const packet = JSON.parse(raw.toString());
			if (packet.op === GatewayOpcodes.Dispatch) this.dispatches.push({ t: packet.t, s: packet.s, d: packet.d });
			if (packet.op === GatewayOpcodes.InvalidSession) this.invalidSession = true;
		});
		this.#socket.on('close', (code) => (this.closeCode = code));
	}

	public async send(op: number, d: unknown): Promise<void> {
		await this.#opened;
		this.#socket.send(JSON.stringify({ op, d }));
	}

	public identify(token: string, shard: [number, number] = [0, 1], intents = 0b1111111111111111): Promise<void> {
		return this.send(GatewayOpcodes.Identify, {
			token,
			intents,
			shard,
			properties: { os: 'linux', browser: 'test', device: 'test' }
		});
	}

	public async waitFor(predicate: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!predicate()) {
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	}

	public events(type: string) {
		return this.dispatches.filter((packet) => packet.t === type);
	}

	public close(): void {
		this.#socket.close();
	}
}
