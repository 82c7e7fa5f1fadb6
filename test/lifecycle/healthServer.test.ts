import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHealthServer, type HealthReport } from '../../src/lib/lifecycle/healthServer.js';

async function probe(check: () => Promise<HealthReport>, path = '/health') {
	const server = await startHealthServer(0, '127.0.0.1', check);
	try {
		const { port } = server.address() as AddressInfo;
		const response = await fetch(`http://127.0.0.1:${port}${path}`);
		return { status: response.status, body: response.status === 404 ? null : await response.json() };
	} finally {
		await new Promise((resolve) => server.close(resolve));
	}
}

describe('health endpoint', () => {
	it('is 200 when the bot is connected and its database answers', async () => {
		expect(await probe(async () => ({ ok: true, guilds: 3 }))).toEqual({ status: 200, body: { ok: true, guilds: 3 } });
	});

	it('is 503 when the bot is not connected or the database fails', async () => {
		expect((await probe(async () => ({ ok: false }))).status).toBe(503);
		expect(await probe(() => Promise.reject(new Error('database is locked')))).toEqual({
			status: 503,
			body: { ok: false, error: 'database is locked' }
		});
	});

	it('answers nothing else', async () => {
		expect((await probe(async () => ({ ok: true }), '/')).status).toBe(404);
	});
});
