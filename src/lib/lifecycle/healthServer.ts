import { createServer, type Server } from 'node:http';

export interface HealthReport {
	ok: boolean;
	[detail: string]: unknown;
}

/**
 * GET /health answers 200 when the bot is connected to Discord and its database answers, 503 otherwise.
 * For Docker's HEALTHCHECK, systemd watchdogs and load balancers; bound to loopback unless told otherwise.
 */
export async function startHealthServer(port: number, host: string, check: () => Promise<HealthReport>): Promise<Server> {
	const server = createServer((request, response) => {
		if (request.method !== 'GET' || request.url !== '/health') {
			response.writeHead(404).end();
			return;
		}
		check()
			.catch((error: Error) => ({ ok: false, error: error.message }))
			.then((report) => {
				response.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
			});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	return server;
}
