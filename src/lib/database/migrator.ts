import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseProvider } from './url.js';

export interface Migration {
	readonly name: string;
	readonly sql: string;
	readonly checksum: string;
}

export interface AppliedMigration {
	readonly name: string;
	readonly checksum: string;
}

/** The database side of the migrator: one implementation per provider (see migrationDrivers.ts). */
export interface MigrationDriver {
	readonly provider: DatabaseProvider;
	/** Runs fn while holding a lock that other migrating processes wait for. */
	withLock<T>(fn: () => Promise<T>): Promise<T>;
	ensureTable(): Promise<void>;
	listApplied(): Promise<AppliedMigration[]>;
	/** Runs the SQL and records it in one transaction; false when another process recorded it first. */
	apply(migration: Migration): Promise<boolean>;
	close(): Promise<void>;
}

export class MigrationError extends Error {
	public override readonly name = 'MigrationError';
}

export const MIGRATIONS_TABLE = '_ticketbot_migrations';

export function checksumOf(sql: string): string {
	return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads prisma/<provider>/migrations/<name>/migration.sql in name order (names start with a timestamp). */
export async function loadMigrations(directory: string): Promise<Migration[]> {
	const entries = await readdir(directory, { withFileTypes: true });
	const names = entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
	return Promise.all(
		names.map(async (name) => {
			const sql = await readFile(join(directory, name, 'migration.sql'), 'utf8');
			return { name, sql, checksum: checksumOf(sql) };
		})
	);
}

export interface MigrationReport {
	applied: string[];
	alreadyApplied: number;
}

/**
 * Applies every pending migration in order, each in its own transaction. Refuses to run when an applied
 * migration was edited afterwards or is unknown to this version (a newer bot migrated the database).
 */
export async function migrate(driver: MigrationDriver, migrations: readonly Migration[]): Promise<MigrationReport> {
	return driver.withLock(async () => {
		await driver.ensureTable();
		const applied = await driver.listApplied();
		const known = new Map(migrations.map((migration) => [migration.name, migration]));
		for (const record of applied) {
			const migration = known.get(record.name);
			if (!migration) {
				throw new MigrationError(
					`migration ${record.name} is applied to the database but missing here: this database was migrated by a newer version of the bot`
				);
			}
			if (migration.checksum !== record.checksum) {
				throw new MigrationError(
					`migration ${record.name} was changed after it was applied (checksum ${record.checksum.slice(0, 12)} in the database, ${migration.checksum.slice(0, 12)} on disk): restore the original file and add a new migration with npm run db:diff`
				);
			}
		}
		const done = new Set(applied.map((record) => record.name));
		const report: MigrationReport = { applied: [], alreadyApplied: done.size };
		for (const migration of migrations) {
			if (done.has(migration.name)) continue;
			if (await driver.apply(migration)) report.applied.push(migration.name);
			else report.alreadyApplied++;
		}
		return report;
	});
}
