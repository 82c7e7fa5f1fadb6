// Prisma CLI settings: the WebAssembly schema engine (no native engine download).
// The CLI here only generates clients and diffs schemas; the bot applies migrations itself.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

export default defineConfig({
	experimental: { adapter: true },
	engine: 'js',
	schema: 'prisma/sqlite/schema.prisma',
	adapter: async () => new PrismaBetterSQLite3({ url: ':memory:' })
});
