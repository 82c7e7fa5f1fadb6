import { type LogLevel, SapphireClient, type SapphireClientOptions } from '@sapphire/framework';
import {
	ClientUser,
	DefaultRestOptions,
	GatewayIntentBits,
	Options,
	Partials,
	Routes,
	type APIUser,
	type ClientOptions
} from 'discord.js';
import { globallyLimited } from '../discord/globalRateLimit.js';
import { closestLocale } from '../i18n/locales.js';
import { LANGUAGES_DIRECTORY } from '../i18n/loadLanguages.js';
import type { Cache } from '../cache/Cache.js';
import type { Env } from '../config/env.js';
import type { BotConfig } from '../config/schema.js';
import type { AppLogger } from '../logging/AppLogger.js';
import type { GuildPreferences } from '../settings/GuildPreferences.js';
import { redisOptionsFromUrl } from '../cache/redisOptions.js';

export interface ClientSetup {
	/** The folder Sapphire scans for pieces (src/ under tsx and vitest, dist/ when built). */
	baseUserDirectory: string;
	logger: AppLogger;
	env: Env;
	config: BotConfig;
	/** Shares the global request limit across processes (Redis) or counts it here. */
	cache: Cache;
	/** Each guild's prefix and language. */
	preferences: GuildPreferences;
}

/**
 * Registers the plugins this process uses; must run before the client is constructed. The tasks plugin
 * opens its BullMQ queue and worker as soon as the client exists: only with Redis, and only in the bot.
 */
export async function registerPlugins(options: { scheduledTasks: boolean }): Promise<void> {
	await import('@sapphire/plugin-subcommands/register');
	await import('@sapphire/plugin-i18next/register');
	if (options.scheduledTasks) await import('@sapphire/plugin-scheduled-tasks/register');
}

/**
 * Readies a client to talk to Discord through REST alone (no gateway): the token, and the bot's own user,
 * which discord.js takes from the gateway's READY and reads for the bot's member and permissions.
 */
export async function connectWithoutGateway(client: SapphireClient, token: string): Promise<void> {
	client.token = token;
	client.rest.setToken(token);
	const user = (await client.rest.get(Routes.user())) as APIUser;
	// discord.js's constructor is internal; this is what its READY handler does with the same payload.
	const Constructor = ClientUser as unknown as new (client: SapphireClient, data: APIUser) => ClientUser;
	client.user = new Constructor(client, user);
}

/** The gateway events the bot needs (members and message content are privileged intents). */
export const BOT_INTENTS = [
	GatewayIntentBits.Guilds,
	GatewayIntentBits.GuildMembers,
	GatewayIntentBits.GuildMessages,
	GatewayIntentBits.MessageContent,
	GatewayIntentBits.DirectMessages
];

/** discord.js's per-second budget, out of the way of the shared window (globalRateLimit.ts). */
const UNCAPPED_BY_DISCORD_JS = 1_000_000;

export function createClient(setup: ClientSetup): SapphireClient {
	const { env, config, preferences } = setup;
	const options: SapphireClientOptions & Omit<ClientOptions, 'tasks'> = {
		intents: BOT_INTENTS,
		// Partial messages: edits and deletions of messages sent before the bot started still reach the archive.
		partials: [Partials.Channel, Partials.Message],
		// Only what the bot reads is kept: guilds, channels, roles and members for permissions. Messages are
		// archived in the database as they come, so each channel keeps just the last few, for an hour at most;
		// what the bot never reads (reactions, emojis, stickers, presences, voice, invites…) is not kept at all.
		makeCache: Options.cacheWithLimits({
			...Options.DefaultMakeCacheSettings,
			MessageManager: 10,
			ReactionManager: 0,
			ReactionUserManager: 0,
			GuildEmojiManager: 0,
			GuildStickerManager: 0,
			GuildInviteManager: 0,
			GuildScheduledEventManager: 0,
			PresenceManager: 0,
			VoiceStateManager: 0,
			StageInstanceManager: 0,
			AutoModerationRuleManager: 0,
			GuildBanManager: 0
		}),
		sweepers: {
			...Options.DefaultSweeperSettings,
			messages: { interval: 15 * 60, lifetime: 60 * 60 }
		},
		baseUserDirectory: setup.baseUserDirectory,
		logger: { instance: setup.logger, level: setup.logger.level as LogLevel },
		loadMessageCommandListeners: true,
		loadDefaultErrorListeners: false,
		loadSubcommandErrorListeners: false,
		defaultPrefix: config.defaults.prefix,
		fetchPrefix: (message) => (message.guildId ? preferences.prefix(message.guildId) : config.defaults.prefix),
		i18n: {
			defaultLanguageDirectory: LANGUAGES_DIRECTORY,
			defaultName: config.defaults.locale,
			// Replies go to Discord, not to HTML: escaping is done where user text is shown.
			i18next: { interpolation: { escapeValue: false }, fallbackLng: 'en-US', returnNull: false, showSupportNotice: false },
			// An interaction is answered in its user's language when the bot has it (the answer is theirs alone,
			// or a form only they see); what is posted for a channel is rendered for the guild instead.
			fetchLanguage: async (context) => {
				const caller = closestLocale(context.interactionLocale);
				if (caller) return caller;
				if (context.guild) return preferences.locale(context.guild.id);
				return config.defaults.locale;
			}
		},
		rest: {
			...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}),
			// A request that would wait more than 30 s for a rate limit fails instead, so nobody waits on a reply:
			// a bucket's reset, or a 429's own wait (a per-resource limit such as channel renames, 10 minutes).
			rejectOnRateLimit: (data) => Math.max(data.timeToReset, data.retryAfter, data.sublimitTimeout) > 30_000,
			// The cap is kept by the shared window below, which counts what Discord counts (the bot token's
			// requests); discord.js's own budget would also spend it on interaction edits and follow-ups.
			globalRequestsPerSecond: UNCAPPED_BY_DISCORD_JS,
			makeRequest: globallyLimited({
				cache: setup.cache,
				perSecond: env.DISCORD_REQUESTS_PER_SECOND,
				timeoutMs: DefaultRestOptions.timeout,
				onCacheError: (error) => setup.logger.warn(`Global request limit not shared (cache error: ${error.message})`)
			})
		},
		allowedMentions: { parse: [], repliedUser: false }
	};
	if (env.SHARD_IDS) {
		options.shards = env.SHARD_IDS;
		if (typeof env.SHARD_COUNT === 'number') options.shardCount = env.SHARD_COUNT;
	} else if (typeof env.SHARD_COUNT === 'number') {
		options.shardCount = env.SHARD_COUNT;
	}
	// Without Redis the tasks plugin is not registered and reads no options.
	// The queue's name carries the prefix (the plugin's worker ignores BullMQ's own prefix option).
	const tasks = env.REDIS_URL
		? { queue: scheduledTasksQueue(env), bull: { connection: redisOptionsFromUrl(env.REDIS_URL) } }
		: undefined;
	return new SapphireClient({ ...options, tasks } as ClientOptions);
}

/**
 * The BullMQ queue of this process's scheduled closes and sweep. Processes that serve different shards
 * (SHARD_IDS) have a queue each: a close is queued by the process that owns its guild and runs there,
 * and each set of shards gets its own inactivity sweep (one shared repeatable job would sweep only the
 * guilds of whichever process ran it). Processes with the same shards (a rolling restart) share one.
 */
export function scheduledTasksQueue(env: Pick<Env, 'REDIS_PREFIX' | 'SHARD_IDS' | 'SHARD_COUNT'>): string {
	const base = `${env.REDIS_PREFIX}-scheduled-tasks`;
	if (!env.SHARD_IDS) return base;
	return `${base}-shards-${[...env.SHARD_IDS].sort((a, b) => a - b).join('.')}-of-${env.SHARD_COUNT}`;
}
