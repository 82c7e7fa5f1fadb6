import { container, type SapphireClient } from '@sapphire/framework';
import { AnalyticsService } from '../analytics/AnalyticsService.js';
import { AuditLog } from '../audit/AuditLog.js';
import { ConfigBackups } from '../backups/ConfigBackups.js';
import { TranscriptService } from '../transcripts/TranscriptService.js';
import { TranscriptStore } from '../transcripts/store.js';
import { logChannelListener } from '../discord/logChannel.js';
import { BlacklistService } from '../blacklist/BlacklistService.js';
import { createCache } from '../cache/createCache.js';
import { Catalog } from '../panels/Catalog.js';
import { CategoryService } from '../categories/CategoryService.js';
import { envSchema, parseEnv } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import { connectDatabase } from '../database/client.js';
import { DataStore } from '../database/guildData.js';
import { runMigrations } from '../database/runMigrations.js';
import { startHealthServer } from '../lifecycle/healthServer.js';
import { createShutdown, type ShutdownStep } from '../lifecycle/shutdown.js';
import { WorkTracker } from '../lifecycle/WorkTracker.js';
import { PanelService } from '../panels/PanelService.js';
import { incidentListener } from '../security/incidentWebhook.js';
import { SecurityLog } from '../security/SecurityLog.js';
import { GuildPreferences } from '../settings/GuildPreferences.js';
import { CaptchaService } from '../tickets/captcha.js';
import { BullCloseScheduler, InProcessCloseScheduler } from '../scheduling/CloseScheduler.js';
import { TicketCreator } from '../tickets/TicketCreator.js';
import { createClient, registerPlugins } from './client.js';
import { createLogger, createRedactor } from './logger.js';
import { createTicketServices } from './services.js';

export interface StartOptions {
	baseUserDirectory: string;
	env?: NodeJS.ProcessEnv;
	/** Installs SIGINT/SIGTERM handlers (off when the bot is embedded, e.g. in tests). */
	handleSignals?: boolean;
	/** Runs once the client exists, before login: add piece folders, subscribe to events. */
	beforeLogin?: (client: SapphireClient) => void | Promise<void>;
}

export interface RunningBot {
	client: SapphireClient;
	stop(): Promise<void>;
}

/**
 * Start-up in order: validate env and config (a ConfigError names the bad key), open the logs, migrate,
 * connect the database and cache, fill the container, register plugins, log in.
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
	const data = new DataStore(database.prisma);
	const audit = new AuditLog(logChannelListener);
	const blacklist = new BlacklistService();
	const categories = new CategoryService(config, cache);
	const panels = new PanelService(cache);
	const closeScheduler = env.REDIS_URL ? new BullCloseScheduler() : new InProcessCloseScheduler();
	const transcripts = new TranscriptService(new TranscriptStore(config.storage.transcriptsDir));
	const ticketServices = createTicketServices({
		db: data,
		config,
		cache,
		audit,
		closeTimer: closeScheduler,
		transcripts,
		log: logger,
		client: () => container.client
	});
	Object.assign(container, {
		env,
		config,
		redactor,
		db: data,
		cache,
		work: new WorkTracker(),
		preferences: new GuildPreferences(data, cache, config),
		audit,
		blacklist,
		categories,
		panels,
		catalog: new Catalog(cache, categories, panels),
		captcha: new CaptchaService(cache),
		closeScheduler,
		ticketServices,
		tickets: new TicketCreator(ticketServices, blacklist),
		transcripts,
		security: new SecurityLog(incidentListener),
		analytics: new AnalyticsService(),
		backups: new ConfigBackups(config.storage.backupsDir, cache)
	});

	await registerPlugins(env.REDIS_URL);
	const client = createClient({ baseUserDirectory: options.baseUserDirectory, logger });
	const health = env.HEALTH_PORT
		? await startHealthServer(env.HEALTH_PORT, env.HEALTH_HOST, async () => {
				await database.prisma.$queryRawUnsafe('SELECT 1');
				return { ok: client.isReady(), ping: client.ws.ping, guilds: client.guilds.cache.size, shards: client.ws.shards.size };
			})
		: undefined;
	const steps: ShutdownStep[] = [
		{ name: 'health endpoint', run: () => health && new Promise((resolve) => health.close(resolve)) },
		{ name: 'close scheduler', run: () => container.closeScheduler.stop() },
		{ name: 'Discord connection', run: () => client.destroy() },
		{ name: 'scheduled tasks', run: () => (env.REDIS_URL ? container.tasks?.close() : undefined) },
		{ name: 'cache', run: () => cache.close() },
		{ name: 'database', run: () => database.close() },
		{ name: 'log files', run: () => logger.close() }
	];
	let exitProcess = false;
	let finished!: () => void;
	const stopped = new Promise<void>((resolve) => (finished = resolve));
	const shutdown = createShutdown({
		work: container.work,
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
		await options.beforeLogin?.(client);
		await client.login(env.DISCORD_TOKEN);
	} catch (error) {
		await stop();
		throw error;
	}
	return { client, stop };
}
