import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Emulator } from '../emulator/Emulator.js';
import { PROJECT_ROOT } from './paths.js';

export interface BotOptions {
	databaseUrl: string;
	redisUrl?: string;
	/** Keys in Redis start with this; each test gets its own so parallel tests never share a queue or cache. */
	redisPrefix?: string;
	/** A config.yaml path; none means the built-in defaults. */
	configPath?: string;
	/** Extra piece folders (commands/, interaction-handlers/ …) loaded beside the bot's own. */
	piecePaths?: string[];
	/** Echo the bot's output (TEST_BOT_OUTPUT=1 does it for every bot). */
	echo?: boolean;
	/** More environment variables (OWNER_IDS …). */
	env?: Record<string, string>;
	/** A folder holding a built bot (dist/index.js): run there with plain node, as the container runs it. */
	compiled?: string;
	/** `web`: the dashboard alone (src/web.ts, `npm run web`), ready once it listens; else the bot. */
	entry?: 'bot' | 'web';
}

export interface TestBot {
	process: ChildProcess;
	/** Resolves when the bot is logged in and Discord knows its slash commands (the dashboard alone: when it listens). */
	ready: Promise<void>;
	output(): string;
	/** SIGTERM: the graceful shutdown. */
	stop(): Promise<number | null>;
	/** SIGKILL: the process dies mid-work. */
	kill(): Promise<number | null>;
}

export function botEnvironment(emulator: Emulator, options: BotOptions): Record<string, string> {
	return {
		PATH: process.env.PATH ?? '',
		DISCORD_TOKEN: emulator.token,
		DISCORD_API_URL: emulator.restUrl,
		DATABASE_URL: options.databaseUrl,
		...(options.redisUrl
			? { REDIS_URL: options.redisUrl, REDIS_PREFIX: options.redisPrefix ?? `test-${randomBytes(4).toString('hex')}` }
			: {}),
		CONFIG_PATH: options.configPath ?? join(mkdtempSync(join(tmpdir(), 'bot-config-')), 'config.yaml'),
		LOG_FILES: 'false',
		LOG_LEVEL: process.env.TEST_BOT_LOG_LEVEL ?? 'info',
		DOTENV_CONFIG_PATH: '/nonexistent/.env',
		...(options.piecePaths ? { TEST_PIECE_PATHS: options.piecePaths.join(delimiter) } : {}),
		...options.env
	};
}

/**
 * The real bot as its own process against the emulator: src/index.ts under tsx, through
 * test/harness/botProcess.ts when test pieces are added, or a built copy's dist/index.js.
 */
export function startBot(emulator: Emulator, options: BotOptions): TestBot {
	const web = options.entry === 'web';
	const entry = web ? 'src/web.ts' : options.piecePaths ? 'test/harness/botProcess.ts' : 'src/index.ts';
	// --require tsx/cjs also tells Sapphire that .ts pieces can be loaded (it looks for tsx among preloaded modules).
	const args = options.compiled ? [web ? 'dist/web.js' : 'dist/index.js'] : ['--require', 'tsx/cjs', '--import', 'tsx', entry];
	const readyLine = web ? 'Dashboard ready at' : 'Slash commands registered';
	const child = spawn(process.execPath, args, {
		cwd: options.compiled ?? PROJECT_ROOT,
		env: botEnvironment(emulator, options),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const echo = options.echo ?? process.env.TEST_BOT_OUTPUT === '1';
	let output = '';
	const exited = new Promise<number | null>((resolve) =>
		child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null)))
	);
	const ready = new Promise<void>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (echo) process.stdout.write(chunk);
			if (output.includes(readyLine)) resolve();
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		void exited.then((code) => reject(new Error(`the bot exited (${code}) before it was ready:\n${output}`)));
	});
	ready.catch(() => undefined);
	return {
		process: child,
		ready,
		output: () => output,
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			return exited;
		},
		kill: async () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			return exited;
		}
	};
}
