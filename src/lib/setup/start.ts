import { container, type SapphireClient } from '@sapphire/framework';
import { RESTEvents } from 'discord.js';
import { createCache } from '../cache/createCache.js';
import { envSchema, parseEnv } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import { connectDatabase } from '../database/client.js';
import { DataStore } from '../database/guildData.js';
import { runMigrations } from '../database/runMigrations.js';
import { monitorLoopDelay } from '../lifecycle/eventLoop.js';
import { startHealthServer } from '../lifecycle/healthServer.js';
import { createShutdown, type ShutdownStep } from '../lifecycle/shutdown.js';
import type { Cache } from '../cache/Cache.js';
import { ConfigError } from '../config/ConfigError.js';
import type { Env } from '../config/env.js';
import type { DatabaseHandle } from '../database/client.js';
import type { AppLogger } from '../logging/AppLogger.js';
import { connectWithoutGateway, createClient, registerPlugins } from './client.js';
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
	/** The setting without which it declines to start (said when it runs alone). */
	setting: string;
	start(services: BotServices): Promise<{ stop(): Promise<void> } | null>;
}

export interface RunningBot {
	client: SapphireClient;
	stop(): Promise<void>;
}

/** What the bot and the dashboard run alone both open before they talk to Discord. */
interface Opened {
	env: Env;
	services: BotServices;
	logger: AppLogger;
	database: DatabaseHandle;
	cache: Cache;
	/** Gives the services their Discord client, once it exists. */
	setClient(client: SapphireClient): void;
}

/**
 * Validates env and config (a ConfigError names the bad key), opens the logs, migrates, connects the
 * database and cache, and builds the services (the pieces' container).
 */
async function open(source: NodeJS.ProcessEnv | undefined): Promise<Opened> {
	const env = parseEnv(envSchema, source);
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
	let client: SapphireClient | undefined;
	const services = createServices({
		env,
		config,
		redactor,
		db: new DataStore(database.prisma, database.provider),
		cache,
		logger,
		discord: () => {
			if (!client) throw new Error('The Discord client is used before start-up created it');
			return client;
		}
	});
	// The pieces read the services from Sapphire's container; nothing in src/lib reads it back.
	Object.assign(container, services);
	return { env, services, logger, database, cache, setClient: (created) => (client = created) };
}

/** The client both kinds of process talk to Discord with (same REST options, languages and request cap). */
function discordClient(opened: Opened, baseUserDirectory: string): SapphireClient {
	const { env, services, logger, cache } = opened;
	const client = createClient({
		baseUserDirectory,
		logger,
		env,
		config: services.config,
		cache,
		preferences: services.preferences
	});
	opened.setClient(client);
	// Every response counts towards the bot's invalid requests (Discord bans at 10,000 in ten minutes).
	client.rest.on(RESTEvents.Response, (_request, response) =>
		services.invalidRequests.record(response.status, response.headers.get('x-ratelimit-scope'))
	);
	return client;
}

/** Stops in the order of `steps` once work in flight has drained; on SIGINT/SIGTERM too, when asked. */
function stopper(opened: Opened, steps: ShutdownStep[], handleSignals: boolean): () => Promise<void> {
	const { services, logger } = opened;
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
	if (handleSignals) {
		const onSignal = (signal: string) => {
			exitProcess = true;
			void shutdown(signal);
		};
		process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
		process.on('unhandledRejection', (reason) => logger.error('Unhandled promise rejection', { error: reason }));
	}
	return async () => {
		void shutdown('stop');
		await stopped;
	};
}

/** The last steps of every process: the cache, the database, the log files. */
function closing(opened: Opened): ShutdownStep[] {
	return [
		{ name: 'cache', run: () => opened.cache.close() },
		{ name: 'database', run: () => opened.database.close() },
		{ name: 'log files', run: () => opened.logger.close() }
	];
}

/** Start-up of the bot: everything `open` does, then the plugins, the gateway login and the other surfaces. */
export async function start(options: StartOptions): Promise<RunningBot> {
	const opened = await open(options.env);
	const { env, services, database } = opened;
	await registerPlugins({ scheduledTasks: Boolean(env.REDIS_URL) });
	const bot = discordClient(opened, options.baseUserDirectory);
	const loopDelay = env.HEALTH_PORT ? monitorLoopDelay() : undefined;
	const health = env.HEALTH_PORT
		? await startHealthServer(env.HEALTH_PORT, env.HEALTH_HOST, async () => {
				await database.prisma.$queryRawUnsafe('SELECT 1');
				return {
					ok: bot.isReady(),
					ping: bot.ws.ping,
					guilds: bot.guilds.cache.size,
					shards: bot.ws.shards.size,
					rssMiB: Math.round(process.memoryUsage.rss() / 2 ** 20),
					eventLoopDelayMs: loopDelay?.(),
					invalidRequests: services.invalidRequests.count()
				};
			})
		: undefined;
	const steps: ShutdownStep[] = [
		{ name: 'health endpoint', run: () => health && new Promise((resolve) => health.close(resolve)) },
		{ name: 'close scheduler', run: () => services.ticketScheduler.stop() },
		{ name: 'webhook deliveries', run: () => services.webhooks.stop() },
		{ name: 'Discord connection', run: () => bot.destroy() },
		...closing(opened)
	];
	const stop = stopper(opened, steps, options.handleSignals ?? true);

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

export interface SurfaceAloneOptions {
	baseUserDirectory: string;
	env?: NodeJS.ProcessEnv;
	handleSignals?: boolean;
}

/**
 * One surface in a process of its own (`npm run web`), beside a bot that runs elsewhere on the same
 * database and Redis: the same services, and a Discord client that only has REST, with the bot's
 * token. It never connects to the gateway, so it receives no events and runs no scheduled work (the
 * bot does); webhook deliveries it queues are sent from here or by the bot, whichever is first.
 */
export async function startAlone(surface: Surface, options: SurfaceAloneOptions): Promise<RunningBot> {
	const opened = await open(options.env);
	const { env, services } = opened;
	await registerPlugins({ scheduledTasks: false });
	const client = discordClient(opened, options.baseUserDirectory);
	const steps: ShutdownStep[] = [
		{ name: 'webhook deliveries', run: () => services.webhooks.stop() },
		{ name: 'Discord REST', run: () => client.destroy() },
		...closing(opened)
	];
	const stop = stopper(opened, steps, options.handleSignals ?? true);
	try {
		// The languages the i18next plugin would load at login.
		await container.i18n.init();
		await connectWithoutGateway(client, env.DISCORD_TOKEN);
		const running = await surface.start(services);
		if (!running)
			throw new ConfigError(`environment: ${surface.setting} is not set, so the ${surface.name} has nowhere to listen`);
		steps.unshift({ name: surface.name, run: () => running.stop() });
	} catch (error) {
		await stop();
		throw error;
	}
	return { client, stop };
}
