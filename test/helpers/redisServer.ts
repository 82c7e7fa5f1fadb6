import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/**
 * A Redis server of a test's own, on a free port, that the test may stop and start again (an outage)
 * without touching the shared one on 6379 that other tests use at the same moment.
 */
export interface OwnRedis {
	url: string;
	port: number;
	/** Starts the server again on the same port (empty: it keeps nothing on disk). */
	start(): Promise<void>;
	/** Stops the server (SIGKILL: an outage, not a shutdown). */
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
	});
}

/** A redis-server of the caller's own, on this port or a free one. */
export async function startRedis(port?: number): Promise<OwnRedis> {
	port ??= await freePort();
	let child: ChildProcess | null = null;
	const redis: OwnRedis = {
		url: `redis://127.0.0.1:${port}`,
		port,
		async start() {
			child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
				stdio: 'ignore'
			});
			for (let tries = 0; !(await ping(port)); tries++) {
				if (tries > 100) throw new Error(`redis-server did not answer on port ${port}`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		},
		async stop() {
			const running = child;
			child = null;
			if (!running || running.exitCode !== null) return;
			await new Promise((resolve) => {
				running.once('exit', resolve);
				running.kill('SIGKILL');
			});
		}
	};
	await redis.start();
	return redis;
}
