import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The databases every database test runs against: always a fresh SQLite file, and a fresh PostgreSQL
 * database when TEST_DATABASE_URL names a server (CI sets it; see README, "Tests").
 */
export interface TestDatabase {
	provider: 'sqlite' | 'postgresql';
	/** Creates an empty database and returns its URL. */
	create(): Promise<string>;
	/** Drops everything create() made. */
	cleanup(): Promise<void>;
}

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || undefined;
export const REDIS_URL = process.env.TEST_REDIS_URL || undefined;

/** TEST_PROVIDERS=postgresql runs only PostgreSQL (CI's second pass: SQLite had the first, without Redis). */
const PROVIDERS = (process.env.TEST_PROVIDERS || 'sqlite,postgresql').split(',');

export function testDatabases(): TestDatabase[] {
	const list: TestDatabase[] = [];
	if (PROVIDERS.includes('sqlite') || !POSTGRES_URL) list.push(sqliteDatabase());
	if (POSTGRES_URL && PROVIDERS.includes('postgresql')) list.push(postgresDatabase(POSTGRES_URL));
	return list;
}

export function sqliteDatabase(): TestDatabase {
	const folders: string[] = [];
	return {
		provider: 'sqlite',
		async create() {
			const folder = mkdtempSync(join(tmpdir(), 'ticketbot-test-'));
			folders.push(folder);
			return `file:${join(folder, 'test.db')}`;
		},
		async cleanup() {
			for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
		}
	};
}

export function postgresDatabase(serverUrl: string): TestDatabase {
	const names: string[] = [];
	const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
		const client = new pg.Client({ connectionString: serverUrl });
		await client.connect();
		try {
			return await fn(client);
		} finally {
			await client.end();
		}
	};
	return {
		provider: 'postgresql',
		async create() {
			const name = `ticketbot_test_${randomBytes(6).toString('hex')}`;
			await admin((client) => client.query(`CREATE DATABASE "${name}"`));
			names.push(name);
			const url = new URL(serverUrl);
			url.pathname = `/${name}`;
			return url.toString();
		},
		async cleanup() {
			for (const name of names.splice(0)) await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
		}
	};
}
