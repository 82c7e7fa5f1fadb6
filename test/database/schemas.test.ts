import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The model list the generated client of a provider runs with (fields, kinds, types, relations). */
function runtimeDataModel(provider: string): unknown {
	const source = readFileSync(`src/generated/${provider}/internal/class.ts`, 'utf8');
	const match = /config\.runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source);
	if (!match) throw new Error(`no runtime data model in the ${provider} client: regenerate with npm run db:generate`);
	return JSON.parse(JSON.parse(match[1]!) as string);
}

describe('one data model for SQLite and PostgreSQL', () => {
	it('writes both provider schemas from prisma/models.prisma (none edited by hand or stale)', () => {
		// Exits 1 and names the stale file when a schema differs from what models.prisma gives.
		expect(() => execFileSync(process.execPath, ['scripts/prisma-schemas.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
	});

	it('generates two clients with the same models, fields and relations', () => {
		const sqlite = runtimeDataModel('sqlite');
		expect(Object.keys((sqlite as { models: object }).models)).toContain('Ticket');
		expect(runtimeDataModel('postgresql')).toEqual(sqlite);
	});

	it('has a migration for the current models on both providers', () => {
		// db:diff copies models.prisma here when it writes the migrations; a model change without them shows.
		expect(readFileSync('prisma/migrated-models.prisma', 'utf8')).toBe(readFileSync('prisma/models.prisma', 'utf8'));
		const names = (provider: string) => readdirSync(`prisma/${provider}/migrations`).sort();
		expect(names('sqlite').length).toBeGreaterThan(0);
		expect(names('postgresql')).toEqual(names('sqlite'));
	});

	it('gives every model a guildId, so every query can be scoped to a guild', () => {
		const { models } = runtimeDataModel('sqlite') as { models: Record<string, { fields: { name: string }[] }> };
		const unscoped = Object.entries(models)
			.filter(([, model]) => !model.fields.some((field) => field.name === 'guildId'))
			.map(([name]) => name);
		// A dashboard login belongs to a Discord user, whatever guilds they open.
		expect(unscoped).toEqual(['WebSession']);
	});
});
