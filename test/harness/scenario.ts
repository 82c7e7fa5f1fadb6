import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, type DatabaseHandle } from '../../src/lib/database/client.js';
import type { EmulatorOptions } from '../emulator/Emulator.js';
import type { TestDatabase } from '../helpers/databases.js';
import { startBot, type BotOptions, type TestBot } from './bot.js';
import { TestDiscord, type GuildFixture } from './TestDiscord.js';

export interface ScenarioOptions {
	/** config.yaml contents (none: the built-in defaults). */
	config?: string;
	guildName?: string;
	redisUrl?: string;
	redisPrefix?: string;
	piecePaths?: string[];
	emulator?: EmulatorOptions;
	/** More environment variables for the bot, knowing the guild's members and the emulator (OWNER_IDS, WEB_PORT …). */
	botEnv?: (home: GuildFixture, discord: TestDiscord) => Record<string, string>;
}

/** A running end-to-end setup: the emulator with one guild, the bot against it, and a view of its database. */
export interface Scenario {
	discord: TestDiscord;
	home: GuildFixture;
	bot: TestBot;
	db: DatabaseHandle;
	/** Where the bot saves transcript files and configuration backups. */
	transcriptsDir: string;
	backupsDir: string;
	/** The bot's config.yaml (a test may rewrite it before /admin reload). */
	configPath: string;
	/** Stops the bot gracefully and starts it again on the same emulator and database. */
	restart(beforeStart?: () => Promise<unknown>): Promise<void>;
	/** Kills the bot (SIGKILL: nothing of it runs after) and starts it again on the same emulator and database. */
	crash(beforeStart?: () => Promise<unknown>): Promise<void>;
	/**
	 * Starts one more bot process on the same emulator, database, config and Redis prefix (the scenario
	 * needs an explicit redisPrefix when it has Redis, else the processes would not share a queue and a
	 * cache), or the dashboard alone (`entry: 'web'`) with more settings. Await its `ready`; stop() ends it
	 * with the rest.
	 */
	addBot(extra?: Pick<BotOptions, 'entry' | 'env'>): TestBot;
	stop(): Promise<void>;
}

export async function startScenario(database: TestDatabase, options: ScenarioOptions = {}): Promise<Scenario> {
	const discord = await TestDiscord.start(options.emulator);
	const home = discord.createGuild(options.guildName ?? 'Home');
	const folder = mkdtempSync(join(tmpdir(), 'scenario-'));
	// Each scenario keeps its transcript files in its own folder, unless its config says where.
	const transcriptsDir = join(folder, 'transcripts');
	const backupsDir = join(folder, 'backups');
	const configPath = join(folder, 'config.yaml');
	let config = options.config ?? '';
	if (!/^storage:/m.test(config))
		config += `\nstorage:\n  transcriptsDir: ${JSON.stringify(transcriptsDir)}\n  backupsDir: ${JSON.stringify(backupsDir)}\n`;
	// Tests make members join by the dozen: only a scenario about raids keeps the anti-raid default.
	if (!/^security:/m.test(config)) config += '\nsecurity:\n  antiRaid: { joins: 10000 }\n';
	writeFileSync(configPath, config);
	const databaseUrl = await database.create();
	const botOptions: BotOptions = {
		databaseUrl,
		configPath,
		redisUrl: options.redisUrl,
		redisPrefix: options.redisPrefix,
		piecePaths: options.piecePaths,
		env: options.botEnv?.(home, discord)
	};
	const extraBots: TestBot[] = [];
	const scenario: Scenario = {
		discord,
		home,
		bot: startBot(discord.emulator, botOptions),
		db: undefined as unknown as DatabaseHandle,
		transcriptsDir,
		backupsDir,
		configPath,
		async restart(beforeStart) {
			const code = await scenario.bot.stop();
			if (code !== 0) throw new Error(`the bot did not stop cleanly (${code}):\n${scenario.bot.output()}`);
			await beforeStart?.();
			scenario.bot = startBot(discord.emulator, botOptions);
			await scenario.bot.ready;
		},
		async crash(beforeStart) {
			await scenario.bot.kill();
			await discord.waitFor(() => discord.emulator.gateway.connectedSessions() === 0, 'the killed session to drop');
			await beforeStart?.();
			scenario.bot = startBot(discord.emulator, botOptions);
			await scenario.bot.ready;
		},
		addBot(extra) {
			if (botOptions.redisUrl && !botOptions.redisPrefix)
				throw new Error('give the scenario a redisPrefix to share between its bots');
			const bot = startBot(discord.emulator, {
				...botOptions,
				entry: extra?.entry,
				env: { ...botOptions.env, ...extra?.env }
			});
			extraBots.push(bot);
			return bot;
		},
		async stop() {
			await scenario.db?.close();
			await Promise.all([scenario.bot, ...extraBots].map((bot) => bot.kill()));
			await discord.stop();
			await database.cleanup();
			rmSync(folder, { recursive: true, force: true });
		}
	};
	await scenario.bot.ready;
	scenario.db = await connectDatabase(databaseUrl);
	return scenario;
}
