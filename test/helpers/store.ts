import { connectDatabase, type DatabaseHandle } from '../../src/lib/database/client.js';
import { DataStore } from '../../src/lib/database/guildData.js';
import { runMigrations } from '../../src/lib/database/runMigrations.js';
import type { TestDatabase } from './databases.js';

/** A fresh, migrated database and the data layer over it. */
export async function migratedStore(database: TestDatabase): Promise<{ handle: DatabaseHandle; store: DataStore }> {
	const url = await database.create();
	await runMigrations(url);
	const handle = await connectDatabase(url);
	return { handle, store: new DataStore(handle.prisma, handle.provider) };
}
