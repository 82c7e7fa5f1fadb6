import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMigrationDriver } from './migrationDrivers.js';
import { loadMigrations, migrate, type MigrationReport } from './migrator.js';
import { providerOf } from './url.js';

/** prisma/<provider>/migrations at the project root, from src/lib/database or dist/lib/database. */
export function migrationsDirectory(url: string): string {
	const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
	return join(root, 'prisma', providerOf(url), 'migrations');
}

/** Brings the database at url up to date with the project's migrations. */
export async function runMigrations(url: string, directory = migrationsDirectory(url)): Promise<MigrationReport> {
	const migrations = await loadMigrations(directory);
	const driver = await createMigrationDriver(url);
	try {
		return await migrate(driver, migrations);
	} finally {
		await driver.close();
	}
}
