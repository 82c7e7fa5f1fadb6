import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, type DatabaseHandle } from '../../src/lib/database/client.js';
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
}

/** A running end-to-end setup: the emulator with one guild, the bot against it, and a view of its database. */
export interface Scenario {
	discord: TestDiscord;
	home: GuildFixture;
	bot: TestBot;
	db: DatabaseHandle;
	/** Stops the bot gracefully and starts it again on the same emulator and database. */
	restart(beforeStart?: () => Promise<unknown>): Promise<void>;
	stop(): Promise<void>;
}

export async function startScenario(database: TestDatabase, options: ScenarioOptions = {}): Promise<Scenario> {
	const discord = await TestDiscord.start();
	const home = discord.createGuild(options.guildName ?? 'Home');
	let configPath: string | undefined;
	if (options.config !== undefined) {
		configPath = join(mkdtempSync(join(tmpdir(), 'scenario-config-')), 'config.yaml');
		writeFileSync(configPath, options.config);
	}
	const databaseUrl = await database.create();
	const botOptions: BotOptions = {
		databaseUrl,
		configPath,
		redisUrl: options.redisUrl,
		redisPrefix: options.redisPrefix,
		piecePaths: options.piecePaths
	};
	const scenario: Scenario = {
		discord,
		home,
		bot: startBot(discord.emulator, botOptions),
		db: undefined as unknown as DatabaseHandle,
		async restart(beforeStart) {
			const code = await scenario.bot.stop();
			if (code !== 0) throw new Error(`the bot did not stop cleanly (${code}):\n${scenario.bot.output()}`);
			await beforeStart?.();
			scenario.bot = startBot(discord.emulator, botOptions);
			await scenario.bot.ready;
		},
		async stop() {
			await scenario.db?.close();
			await scenario.bot.kill();
			await discord.stop();
			await database.cleanup();
		}
	};
	await scenario.bot.ready;
	scenario.db = await connectDatabase(databaseUrl);
	return scenario;
}
