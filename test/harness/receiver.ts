import { createServer, type Server } from 'node:http';

export interface Received {
	event: string | null;
	delivery: string | null;
	timestamp: string | null;
	signature: string | null;
	body: string;
}

/** A receiver on this machine: it records every delivery and answers the statuses it is told to, then 200. */
export class Receiver {
	public readonly received: Received[] = [];
	public answers: number[] = [];
	#server!: Server;
	public url = '';

	public async start(): Promise<this> {
		this.#server = createServer((request, response) => {
			let body = '';
			request.on('data', (chunk: Buffer) => (body += chunk.toString()));
			request.on('end', () => {
				const header = (name: string) => (request.headers[name] as string | undefined) ?? null;
				this.received.push({
					event: header('x-ticketbot-event'),
					delivery: header('x-ticketbot-delivery'),
					timestamp: header('x-ticketbot-timestamp'),
					signature: header('x-ticketbot-signature'),
					body
				});
				response.writeHead(this.answers.shift() ?? 200).end();
			});
		});
		await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.#server.address() as { port: number }).port}/hooks`;
		return this;
	}

	public stop(): Promise<void> {
		this.#server.closeAllConnections();
		return new Promise((resolve) => this.#server.close(() => resolve()));
	}
}
