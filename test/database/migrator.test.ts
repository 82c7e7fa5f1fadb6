import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/lib/database/client.js';
import { MigrationError } from '../../src/lib/database/migrator.js';
import { migrationsDirectory, runMigrations } from '../../src/lib/database/runMigrations.js';
import { testDatabases } from '../helpers/databases.js';

/** A copy of the project's migrations that a test may change. */
function copyOfMigrations(url: string): string {
	const folder = mkdtempSync(join(tmpdir(), 'migrations-'));
	cpSync(migrationsDirectory(url), folder, { recursive: true });
	return folder;
}

function addMigration(folder: string, name: string, sql: string): void {
	mkdirSync(join(folder, name), { recursive: true });
	writeFileSync(join(folder, name, 'migration.sql'), sql);
}

/** Runs `src/cli/migrate.ts` in its own process, as a second bot process starting up would. */
function migrateInChild(url: string): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], {
			env: { ...process.env, DATABASE_URL: url },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => resolve({ code, output }));
	});
}

for (const database of testDatabases()) {
	describe(`migrations on ${database.provider}`, () => {
		afterAll(() => database.cleanup());

		it('apply on an empty database, and a second run does nothing', async () => {
			const url = await database.create();
			const first = await runMigrations(url);
			expect(first.applied.length).toBeGreaterThan(0);
			expect(first.alreadyApplied).toBe(0);
			const second = await runMigrations(url);
			expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });

			// The schema is really there: the client can write and read through it.
			const handle = await connectDatabase(url);
			try {
				await handle.prisma.guildSettings.create({ data: { guildId: '100000000000000001' } });
				expect(await handle.prisma.guildSettings.count()).toBe(1);
			} finally {
				await handle.close();
			}
		});

		it('apply a new migration after the ones already applied', async () => {
			const url = await database.create();
			const folder = copyOfMigrations(url);
			await runMigrations(url, folder);
			addMigration(folder, '99990101000000_add_probe', 'CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);');
			expect((await runMigrations(url, folder)).applied).toEqual(['99990101000000_add_probe']);
		});

		it('refuse to run when an applied migration was edited', async () => {
			const url = await database.create();
			const folder = copyOfMigrations(url);
			addMigration(folder, '99990101000000_add_probe', 'CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);');
			await runMigrations(url, folder);
			writeFileSync(
				join(folder, '99990101000000_add_probe', 'migration.sql'),
				'CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY, "x" TEXT);'
			);
			const error = await runMigrations(url, folder).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(MigrationError);
			expect((error as Error).message).toMatch(/99990101000000_add_probe was changed after it was applied/);
		});

		it('refuse a database migrated by a newer version', async () => {
			const url = await database.create();
			const folder = copyOfMigrations(url);
			addMigration(folder, '99990101000000_add_probe', 'CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);');
			await runMigrations(url, folder);
			await expect(runMigrations(url)).rejects.toThrow(/99990101000000_add_probe is applied to the database but missing here/);
		});

		it('roll a failing migration back whole and record nothing', async () => {
			const url = await database.create();
			const folder = copyOfMigrations(url);
			await runMigrations(url, folder);
			addMigration(folder, '99990101000000_broken', 'CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);\nTHIS IS NOT SQL;');
			await expect(runMigrations(url, folder)).rejects.toThrow();
			const handle = await connectDatabase(url);
			try {
				const tables =
					database.provider === 'sqlite'
						? await handle.prisma.$queryRawUnsafe<unknown[]>(`SELECT name FROM sqlite_master WHERE name = 'Half'`)
						: await handle.prisma.$queryRawUnsafe<unknown[]>(`SELECT tablename::text FROM pg_tables WHERE tablename = 'Half'`);
				expect(tables).toEqual([]);
			} finally {
				await handle.close();
			}
			// Fixed, it applies on the next start.
			writeFileSync(join(folder, '99990101000000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);');
			expect((await runMigrations(url, folder)).applied).toEqual(['99990101000000_broken']);
		});

		it('migrate exactly once when two processes start at the same moment', async () => {
			const url = await database.create();
			const [a, b] = await Promise.all([migrateInChild(url), migrateInChild(url)]);
			expect(a.code, a.output).toBe(0);
			expect(b.code, b.output).toBe(0);
			const applied = [a.output, b.output].flatMap((output) => {
				const list = /applied (.*);/.exec(output)?.[1];
				return list === undefined || list === 'none' ? [] : list.split(', ');
			});
			// Every migration was applied by exactly one of the two (on PostgreSQL one process takes them all,
			// on SQLite they may take turns), and both ended with the whole schema.
			const names = readdirSync(migrationsDirectory(url), { withFileTypes: true })
				.filter((entry) => entry.isDirectory())
				.map((entry) => entry.name)
				.sort();
			expect(applied.sort()).toEqual(names);
		});
	});
}
