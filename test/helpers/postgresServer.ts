import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './redisServer.js';

const run = promisify(execFile);

/**
 * A PostgreSQL server of a test's own (initdb in a temporary folder, on a free port), which the test may
 * stop and start again (an outage) without touching the shared one on 5432 that other tests use.
 */
export interface OwnPostgres {
	/** The server's `postgres` database, as the root role (trust). */
	url: string;
	start(): Promise<void>;
	/** Stops the server at once (`-m immediate`: an outage, not a shutdown). */
	stop(): Promise<void>;
	/** Stops it and removes its folder. */
	remove(): Promise<void>;
}

/** The folder of Debian's PostgreSQL programs (initdb, pg_ctl), or null where there is none. */
export function postgresBin(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
	const bin = version ? join(root, version, 'bin') : null;
	return bin && existsSync(join(bin, 'initdb')) ? bin : null;
}

export async function startPostgres(): Promise<OwnPostgres> {
	const bin = postgresBin();
	if (!bin) throw new Error('no PostgreSQL programs under /usr/lib/postgresql');
	const folder = mkdtempSync(join(tmpdir(), 'own-postgres-'));
	const data = join(folder, 'data');
	const port = await freePort();
	// PostgreSQL refuses to run as root: as root, the server runs as the postgres user, which owns the folder.
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		const { stdout } = await run('id', ['-u', 'postgres']);
		const { stdout: group } = await run('id', ['-g', 'postgres']);
		chownSync(folder, Number(stdout.trim()), Number(group.trim()));
		chmodSync(folder, 0o700);
	}
	const as = (program: string, args: string[]) =>
		asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args);
	await as('initdb', ['-D', data, '-A', 'trust', '-U', 'root', '--no-sync', '-E', 'UTF8']);
	const server: OwnPostgres = {
		url: `postgresql://root@127.0.0.1:${port}/postgres`,
		async start() {
			const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${folder} -c fsync=off`;
			await as('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'server.log'), '-w', 'start']);
		},
		async stop() {
			await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
		},
		async remove() {
			await server.stop();
			rmSync(folder, { recursive: true, force: true });
		}
	};
	await server.start();
	return server;
}
