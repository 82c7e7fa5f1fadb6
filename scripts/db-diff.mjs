// npm run db:diff <name>: writes prisma/<provider>/migrations/<timestamp>_<name>/migration.sql for every
// provider, from the models as of the last migration (prisma/migrated-models.prisma) to prisma/models.prisma.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prisma } from './prisma-cli.mjs';
import { PROVIDERS, readModels, renderSchema } from './prisma-schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const snapshot = join(root, 'prisma', 'migrated-models.prisma');
const current = join(root, 'prisma', 'models.prisma');

const name = process.argv[2];
if (!name || !/^[a-z0-9_]{1,60}$/.test(name)) {
	console.error('usage: npm run db:diff <name>   (name: lowercase letters, digits and _, e.g. add_ticket_tags)');
	process.exit(2);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const work = mkdtempSync(join(tmpdir(), 'db-diff-'));
let written = 0;
try {
	for (const provider of PROVIDERS) {
		const to = join(work, `${provider}-new.prisma`);
		writeFileSync(to, renderSchema(provider, readModels(current)));
		const from = ['--from-empty'];
		if (existsSync(snapshot)) {
			const old = join(work, `${provider}-old.prisma`);
			writeFileSync(old, renderSchema(provider, readModels(snapshot)));
			from.splice(0, 1, '--from-schema-datamodel', old);
		}
		const sql = prisma(['migrate', 'diff', ...from, '--to-schema-datamodel', to, '--script'], { capture: true });
		if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ''))) {
			console.log(`${provider}: no change`);
			continue;
		}
		const folder = join(root, 'prisma', provider, 'migrations', `${stamp}_${name}`);
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, 'migration.sql'), sql);
		console.log(`${provider}: wrote ${folder}/migration.sql`);
		written++;
	}
	if (written > 0) copyFileSync(current, snapshot);
} finally {
	rmSync(work, { recursive: true, force: true });
}
