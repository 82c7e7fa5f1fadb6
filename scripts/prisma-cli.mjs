// Runs the Prisma CLI with the settings that keep it offline (see README, "Database").
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function prisma(args, options = {}) {
	const result = spawnSync(join(root, 'node_modules', '.bin', 'prisma'), args, {
		cwd: root,
		encoding: 'utf8',
		stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
		env: {
			...process.env,
			// Any existing file stops the CLI from fetching a native query engine it does not use.
			PRISMA_QUERY_ENGINE_LIBRARY: join(root, 'package.json'),
			PRISMA_HIDE_UPDATE_MESSAGE: '1',
			CHECKPOINT_DISABLE: '1'
		}
	});
	if (result.status !== 0) {
		if (options.capture) process.stderr.write(result.stderr ?? '');
		throw new Error(`prisma ${args.join(' ')} failed (exit ${result.status})`);
	}
	return result.stdout;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	// `node scripts/prisma-cli.mjs generate` generates the client of every provider.
	const [command] = process.argv.slice(2);
	if (command !== 'generate') {
		console.error('usage: node scripts/prisma-cli.mjs generate');
		process.exit(2);
	}
	for (const provider of ['sqlite', 'postgresql']) prisma(['generate', '--schema', `prisma/${provider}/schema.prisma`]);
}
