import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database as BetterSqlite3Database } from 'better-sqlite3';
import { MIGRATIONS_TABLE, type AppliedMigration, type Migration, type MigrationDriver } from './migrator.js';
import { providerOf, sqlitePath } from './url.js';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`;
// An arbitrary constant naming this bot's migration lock among PostgreSQL advisory locks.
const ADVISORY_LOCK_KEY = 7_316_240_518;
// How long a migrating process waits for another one holding the SQLite file.
const BUSY_TIMEOUT_MS = 30_000;

export async function createMigrationDriver(url: string): Promise<MigrationDriver> {
	return providerOf(url) === 'sqlite' ? createSqliteDriver(url) : createPostgresDriver(url);
}

async function createSqliteDriver(url: string): Promise<MigrationDriver> {
	const { default: SQLite } = await import('better-sqlite3');
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new SQLite(path, { timeout: BUSY_TIMEOUT_MS });
	await switchToWal(db);
	return {
		provider: 'sqlite',
		// BEGIN IMMEDIATE in apply() serialises writers across processes; nothing else to hold.
		withLock: (fn) => fn(),
		ensureTable: async () => void db.exec(CREATE_TABLE),
		listApplied: async () =>
			db.prepare(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`).all() as AppliedMigration[],
		apply: async (migration: Migration) => {
			db.exec('BEGIN IMMEDIATE');
			try {
				const done = db.prepare(`SELECT 1 FROM "${MIGRATIONS_TABLE}" WHERE "name" = ?`).get(migration.name);
				if (done) {
					db.exec('ROLLBACK');
					return false;
				}
				db.exec(migration.sql);
				db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)`).run(
					migration.name,
					migration.checksum,
					new Date().toISOString()
				);
				db.exec('COMMIT');
				return true;
			} catch (error) {
				if (db.inTransaction) db.exec('ROLLBACK');
				throw error;
			}
		},
		close: async () => void db.close()
	};
}

/**
 * Turns a new database file to WAL. Two processes doing this to the same new file at once can deadlock on
 * the file lock, and SQLite then answers SQLITE_BUSY to one of them at once rather than through the busy
 * timeout; that one waits a moment and asks again (the second ask finds WAL already set and needs no lock).
 */
async function switchToWal(db: BetterSqlite3Database): Promise<void> {
	const deadline = Date.now() + BUSY_TIMEOUT_MS;
	for (;;) {
		try {
			db.pragma('journal_mode = WAL');
			return;
		} catch (error) {
			if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
			await sleep(25 + Math.random() * 50);
		}
	}
}

async function createPostgresDriver(url: string): Promise<MigrationDriver> {
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	return {
		provider: 'postgresql',
		withLock: async (fn) => {
			// Session-level advisory lock: a second process starting at the same moment waits here, then finds nothing to do.
			await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
			try {
				return await fn();
			} finally {
				await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
			}
		},
		ensureTable: async () => void (await client.query(CREATE_TABLE)),
		listApplied: async () =>
			(await client.query<AppliedMigration>(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`)).rows,
		apply: async (migration: Migration) => {
			await client.query('BEGIN');
			try {
				const done = await client.query(`SELECT 1 FROM "${MIGRATIONS_TABLE}" WHERE "name" = $1`, [migration.name]);
				if (done.rowCount) {
					await client.query('ROLLBACK');
					return false;
				}
				await client.query(migration.sql);
				await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "appliedAt") VALUES ($1, $2, $3)`, [
					migration.name,
					migration.checksum,
					new Date().toISOString()
				]);
				await client.query('COMMIT');
				return true;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => undefined);
				throw error;
			}
		},
		close: () => client.end()
	};
}
