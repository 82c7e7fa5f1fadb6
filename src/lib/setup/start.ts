import { container, type SapphireClient } from '@sapphire/framework';
import { createCache } from '../cache/createCache.js';
import { envSchema, parseEnv } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import { connectDatabase } from '../database/client.js';
import { DataStore } from '../database/guildData.js';
import { runMigrations } from '../database/runMigrations.js';
import { startHealthServer } from '../lifecycle/healthServer.js';
import { createShutdown, type ShutdownStep } from '../lifecycle/shutdown.js';
import { createClient, registerPlugins } from './client.js';
import { createLogger, createRedactor } from './logger.js';
import { createServices, type BotServices } from './services.js';

export interface StartOptions {
	baseUserDirectory: string;
	env?: NodeJS.ProcessEnv;
	/** Installs SIGINT/SIGTERM handlers (off when the bot is embedded, e.g. in tests). */
	handleSignals?: boolean;
	/** Runs once the client exists, before login: add piece folders, subscribe to events. */
	beforeLogin?: (client: SapphireClient) => void | Promise<void>;
	/** Other surfaces over the same services (the web dashboard), started once the bot has logged in. */
	surfaces?: readonly Surface[];
}

/** A surface beside the chat one: it starts with the services (or declines, returning null) and stops first. */
export interface Surface {
	name: string;
	start(services: BotServices): Promise<{ stop(): Promise<void> } | null>;
}

export interface RunningBot {
	client: SapphireClient;
	stop(): Promise<void>;
}

/**
 * Start-up in order: validate env and config (a ConfigError names the bad key), open the logs, migrate,
 * connect the database and cache, build the services (the pieces' container), register plugins, log in.
 */
export async function start(options: StartOptions): Promise<RunningBot> {
	const env = parseEnv(envSchema, options.env);
	const { config, fromFile } = await loadConfig(env.CONFIG_PATH);
	const redactor = createRedactor(env);
	const logger = createLogger(env, redactor);
	if (!fromFile)
		logger.info(`No ${env.CONFIG_PATH}: using the built-in defaults (copy config/config.example.yaml to change them)`);

	const migration = await runMigrations(env.DATABASE_URL);
	logger.info(`Database ready: ${migration.applied.length} migration(s) applied, ${migration.alreadyApplied} already there`);
	const database = await connectDatabase(env.DATABASE_URL);
	const cache = await createCache(env.REDIS_URL, (error) => logger.warn(`Redis: ${error.message}`), env.REDIS_PREFIX).catch(
		async (error) => {
			await database.close();
			throw error;
		}
	);
	const created: { client?: SapphireClient } = {};
	const services = createServices({
		env,
		config,
		redactor,
		db: new DataStore(database.prisma, database.provider),
		cache,
		logger,
		discord: () => {
			if (!created.client) throw new Error('The Discord client is used before start-up created it');
			return created.client;
		}
	});
	// The pieces read the services from Sapphire's container; nothing in src/lib reads it back.
	Object.assign(container, services);

	await registerPlugins(env.REDIS_URL);
	const bot = createClient({
		baseUserDirectory: options.baseUserDirectory,
		logger,
		env,
		config,
		cache,
		preferences: services.preferences
	});
	created.client = bot;
	const health = env.HEALTH_PORT
		? await startHealthServer(env.HEALTH_PORT, env.HEALTH_HOST, async () => {
				await database.prisma.$queryRawUnsafe('SELECT 1');
				return { ok: bot.isReady(), ping: bot.ws.ping, guilds: bot.guilds.cache.size, shards: bot.ws.shards.size };
			})
		: undefined;
	const steps: ShutdownStep[] = [
		{ name: 'health endpoint', run: () => health && new Promise((resolve) => health.close(resolve)) },
		{ name: 'close scheduler', run: () => services.closeScheduler.stop() },
		{ name: 'webhook deliveries', run: () => services.webhooks.stop() },
		{ name: 'Discord connection', run: () => bot.destroy() },
		{ name: 'cache', run: () => cache.close() },
		{ name: 'database', run: () => database.close() },
		{ name: 'log files', run: () => logger.close() }
	];
	let exitProcess = false;
	let finished!: () => void;
	const stopped = new Promise<void>((resolve) => (finished = resolve));
	const shutdown = createShutdown({
		work: services.work,
		steps,
		log: logger,
		exit: (code) => {
			finished();
			if (exitProcess) process.exit(code);
		}
	});
	const stop = async () => {
		void shutdown('stop');
		await stopped;
	};
	if (options.handleSignals ?? true) {
		const onSignal = (signal: string) => {
			exitProcess = true;
			void shutdown(signal);
		};
		process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
		process.on('unhandledRejection', (reason) => logger.error('Unhandled promise rejection', { error: reason }));
	}

	try {
		await options.beforeLogin?.(bot);
		await bot.login(env.DISCORD_TOKEN);
		for (const surface of options.surfaces ?? []) {
			const running = await surface.start(services);
			// Stopped before anything else: no new request reaches services that are closing.
			if (running) steps.unshift({ name: surface.name, run: () => running.stop() });
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { client: bot, stop };
}
