import { type LogLevel, SapphireClient, container, type SapphireClientOptions } from '@sapphire/framework';
import { DefaultRestOptions, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import { globallyLimited } from '../discord/globalRateLimit.js';
import { closestLocale } from '../i18n/locales.js';
import { LANGUAGES_DIRECTORY } from '../i18n/loadLanguages.js';
import type { AppLogger } from '../logging/AppLogger.js';
import { redisOptionsFromUrl } from './redis.js';

export interface ClientSetup {
	/** The folder Sapphire scans for pieces (src/ under tsx and vitest, dist/ when built). */
	baseUserDirectory: string;
	logger: AppLogger;
}

/** Registers the plugins this deployment uses; must run before the client is constructed. */
export async function registerPlugins(redisUrl: string | undefined): Promise<void> {
	await import('@sapphire/plugin-subcommands/register');
	await import('@sapphire/plugin-i18next/register');
	// The tasks plugin opens its BullMQ queue and worker as soon as the client exists: Redis only.
	if (redisUrl) await import('@sapphire/plugin-scheduled-tasks/register');
}

export function createClient(setup: ClientSetup): SapphireClient {
	const { env, config } = container;
	const options: SapphireClientOptions & Omit<ClientOptions, 'tasks'> = {
		intents: [
			GatewayIntentBits.Guilds,
			GatewayIntentBits.GuildMembers,
			GatewayIntentBits.GuildMessages,
			GatewayIntentBits.MessageContent,
			GatewayIntentBits.DirectMessages
		],
		partials: [Partials.Channel],
		baseUserDirectory: setup.baseUserDirectory,
		logger: { instance: setup.logger, level: setup.logger.level as LogLevel },
		loadMessageCommandListeners: true,
		loadDefaultErrorListeners: false,
		loadSubcommandErrorListeners: false,
		defaultPrefix: config.defaults.prefix,
		fetchPrefix: (message) => (message.guildId ? container.preferences.prefix(message.guildId) : config.defaults.prefix),
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
				if (context.guild) return container.preferences.locale(context.guild.id);
				return config.defaults.locale;
			}
		},
		rest: {
			...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}),
			// A request that would wait more than 30 s for a rate limit fails instead, so nobody waits on a reply.
			rejectOnRateLimit: (data) => data.timeToReset > 30_000,
			globalRequestsPerSecond: env.DISCORD_REQUESTS_PER_SECOND,
			makeRequest: globallyLimited({
				cache: container.cache,
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
		? { queue: `${env.REDIS_PREFIX}-scheduled-tasks`, bull: { connection: redisOptionsFromUrl(env.REDIS_URL) } }
		: undefined;
	return new SapphireClient({ ...options, tasks } as ClientOptions);
}
