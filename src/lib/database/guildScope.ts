import type { Database } from './client.js';

/** A query tried to reach another guild's rows through a guild-scoped client. */
export class GuildScopeError extends Error {
	public override readonly name = 'GuildScopeError';
}

const WHERE_OPERATIONS = new Set([
	'findUnique',
	'findUniqueOrThrow',
	'findFirst',
	'findFirstOrThrow',
	'findMany',
	'count',
	'aggregate',
	'groupBy',
	'update',
	'updateMany',
	'updateManyAndReturn',
	'delete',
	'deleteMany'
]);

type Args = Record<string, unknown>;

/**
 * A client whose every query on every model is confined to one guild: filters get `guildId`, created rows
 * get `guildId`, and naming another guild's ID throws. Every model carries a guildId column for this.
 * Nested writes are not rewritten: give nested rows their guildId where the model has one.
 */
export function scopeToGuild(prisma: Database, guildId: string) {
	return prisma.$extends({
		name: 'guild-scope',
		query: {
			$allModels: {
				$allOperations({ model, operation, args, query }) {
					return query(scopeArgs(model, operation, (args ?? {}) as Args, guildId) as typeof args);
				}
			}
		}
	});
}

export type GuildDatabase = ReturnType<typeof scopeToGuild>;

export function scopeArgs(model: string, operation: string, args: Args, guildId: string): Args {
	if (WHERE_OPERATIONS.has(operation)) return { ...args, where: scopeWhere(model, args.where as Args | undefined, guildId) };
	switch (operation) {
		case 'create':
			return { ...args, data: scopeData(model, args.data as Args, guildId) };
		case 'createMany':
		case 'createManyAndReturn': {
			const data = args.data as Args | Args[];
			return {
				...args,
				data: Array.isArray(data) ? data.map((row) => scopeData(model, row, guildId)) : scopeData(model, data, guildId)
			};
		}
		case 'upsert':
			checkGuild(model, (args.update as Args | undefined)?.guildId, guildId);
			return {
				...args,
				where: scopeWhere(model, args.where as Args, guildId),
				create: scopeData(model, args.create as Args, guildId)
			};
		default:
			throw new GuildScopeError(`${model}.${operation} is not available on a guild-scoped client`);
	}
}

function scopeWhere(model: string, where: Args | undefined, guildId: string): Args {
	if (!where) return { guildId };
	checkGuild(model, where.guildId, guildId);
	for (const value of Object.values(where)) {
		// Compound unique keys such as guildId_number carry their own guildId.
		if (value && typeof value === 'object' && 'guildId' in value) checkGuild(model, (value as Args).guildId, guildId);
	}
	return { ...where, guildId };
}

function scopeData(model: string, data: Args, guildId: string): Args {
	checkGuild(model, data.guildId, guildId);
	return { ...data, guildId };
}

function checkGuild(model: string, given: unknown, guildId: string): void {
	if (given !== undefined && given !== guildId) {
		throw new GuildScopeError(`${model} query for guild ${String(given)} refused on a client scoped to guild ${guildId}`);
	}
}
