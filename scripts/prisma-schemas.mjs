// Writes prisma/<provider>/schema.prisma for every supported provider from prisma/models.prisma,
// the single source of truth of the data model. `--check` exits 1 when a written schema is stale.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROVIDERS = ['sqlite', 'postgresql'];

export function schemaPath(provider) {
	return join(root, 'prisma', provider, 'schema.prisma');
}

export function renderSchema(provider, models) {
	return [
		'// Generated from prisma/models.prisma by scripts/prisma-schemas.mjs: do not edit.',
		'',
		'generator client {',
		'  provider            = "prisma-client"',
		`  output              = "../../src/generated/${provider}"`,
		'  engineType          = "client"',
		'  runtime             = "nodejs"',
		'  moduleFormat        = "esm"',
		'  importFileExtension = "js"',
		'}',
		'',
		'datasource db {',
		`  provider = "${provider}"`,
		'  // Unused at run time: the bot connects through a driver adapter (src/lib/database).',
		'  url      = env("DATABASE_URL")',
		'}',
		'',
		models.trimEnd(),
		''
	].join('\n');
}

export function readModels(file = join(root, 'prisma', 'models.prisma')) {
	return readFileSync(file, 'utf8');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const check = process.argv.includes('--check');
	const models = readModels();
	let stale = false;
	for (const provider of PROVIDERS) {
		const wanted = renderSchema(provider, models);
		const path = schemaPath(provider);
		let current = '';
		try {
			current = readFileSync(path, 'utf8');
		} catch {}
		if (current === wanted) continue;
		if (check) {
			console.error(`${path} is stale: run npm run db:schemas`);
			stale = true;
		} else {
			mkdirSync(dirname(path), { recursive: true });
			writeFileSync(path, wanted);
			console.log(`wrote ${path}`);
		}
	}
	process.exit(stale ? 1 : 0);
}
