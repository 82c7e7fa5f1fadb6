import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PrismaClient } from '../../generated/sqlite/client.js';
import { providerOf, sqlitePath, type DatabaseProvider } from './url.js';

/**
 * The Prisma client type the code is written against. The PostgreSQL client is generated from the
 * same models (prisma/models.prisma) and has the same API: test/database/schemas.test.ts fails on drift.
 */
export type Database = PrismaClient;

export interface DatabaseHandle {
	readonly prisma: Database;
	readonly provider: DatabaseProvider;
	close(): Promise<void>;
}

/** Connects through the driver adapter of the URL's provider; only that provider's client is loaded. */
export async function connectDatabase(url: string): Promise<DatabaseHandle> {
	const provider = providerOf(url);
	let prisma: Database;
	if (provider === 'sqlite') {
		const path = sqlitePath(url);
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([
			import('../../generated/sqlite/client.js'),
			import('@prisma/adapter-better-sqlite3')
		]);
		prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: path, timeout: 10_000 }) });
		// WAL lets readers and the writer work at once; busy_timeout waits for the lock instead of failing.
		await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
		await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
	} else {
		const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
			import('../../generated/postgresql/client.js'),
			import('@prisma/adapter-pg')
		]);
		prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Database;
	}
	await prisma.$connect();
	return { prisma, provider, close: () => prisma.$disconnect() };
}
