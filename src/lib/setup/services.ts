import type { Client } from 'discord.js';
import { AnalyticsService } from '../analytics/AnalyticsService.js';
import { MessageArchive } from '../archive/MessageArchive.js';
import { AuditLog } from '../audit/AuditLog.js';
import { ConfigBackups } from '../backups/ConfigBackups.js';
import { BlacklistService } from '../blacklist/BlacklistService.js';
import type { Cache } from '../cache/Cache.js';
import { CategoryService } from '../categories/CategoryService.js';
import type { Env } from '../config/env.js';
import type { BotConfig } from '../config/schema.js';
import type { DataStore } from '../database/guildData.js';
import { discordRoleCheck } from '../discord/actors.js';
import { InvalidRequestMeter } from '../discord/invalidRequests.js';
import { logChannelListener } from '../discord/logChannel.js';
import { TicketChannelGateway } from '../discord/TicketChannelGateway.js';
import { WorkTracker } from '../lifecycle/WorkTracker.js';
import type { Redactor } from '../logging/redact.js';
import { Catalog } from '../panels/Catalog.js';
import { PanelService } from '../panels/PanelService.js';
import { BullTicketScheduler, InProcessTicketScheduler, type TicketScheduler } from '../scheduling/TicketScheduler.js';
import { incidentListener } from '../security/incidentWebhook.js';
import { SecurityLog } from '../security/SecurityLog.js';
import { GuildPreferences } from '../settings/GuildPreferences.js';
import { CaptchaService } from '../tickets/captcha.js';
import type { ServiceLog, TicketServices } from '../tickets/services.js';
import { TicketCreator } from '../tickets/TicketCreator.js';
import { DISCORD_CDN_HOSTS } from '../transcripts/attachmentCopies.js';
import { TranscriptService } from '../transcripts/TranscriptService.js';
import { TranscriptStore } from '../transcripts/store.js';
import { BullDeliveryWake } from '../webhooks/wake.js';
import { WebhookOutbox } from '../webhooks/WebhookOutbox.js';

/** What one bot process is made of besides Discord: read and opened by start-up, or by a test. */
export interface ServiceParts {
	env: Env;
	config: BotConfig;
	redactor: Redactor;
	db: DataStore;
	cache: Cache;
	logger: ServiceLog;
	/** This process's Discord client: the services read it on each call, never while they are built. */
	discord: () => Client;
}

/** Every service of the bot, by the names the pieces read them under (Sapphire's container holds this object). */
export interface BotServices {
	readonly env: Env;
	readonly config: BotConfig;
	readonly redactor: Redactor;
	readonly db: DataStore;
	readonly cache: Cache;
	readonly discord: () => Client;
	readonly work: WorkTracker;
	readonly preferences: GuildPreferences;
	readonly audit: AuditLog;
	readonly blacklist: BlacklistService;
	readonly categories: CategoryService;
	readonly panels: PanelService;
	readonly catalog: Catalog;
	readonly captcha: CaptchaService;
	readonly ticketScheduler: TicketScheduler;
	/** What the ticket use cases run with, from any surface. */
	readonly ticketServices: TicketServices;
	readonly tickets: TicketCreator;
	/** Every message of the ticket channels, as transcripts are made from. */
	readonly archive: MessageArchive;
	readonly transcripts: TranscriptService;
	readonly security: SecurityLog;
	readonly analytics: AnalyticsService;
	readonly backups: ConfigBackups;
	/** Ticket events for the guilds' webhooks: the outbox and its sender. */
	readonly webhooks: WebhookOutbox;
	/** The bot's invalid Discord requests over ten minutes, and the breaker that pauses what can wait. */
	readonly invalidRequests: InvalidRequestMeter;
}

/**
 * Builds every service from its parts, in dependency order. Nothing here talks to Discord: the ports
 * (role checks, the ticket channel gateway, the log channel and incident webhook, transcripts) call the
 * client through `discord` when they run.
 */
export function createServices(parts: ServiceParts): BotServices {
	const { env, config, db, cache, logger, discord } = parts;
	const work = new WorkTracker();
	const background = { work, logger, discord };
	const webhooks = new WebhookOutbox({
		db,
		config,
		work,
		logger,
		wake: env.REDIS_URL ? new BullDeliveryWake(env.REDIS_URL, env.REDIS_PREFIX) : undefined
	});
	const invalidRequests = new InvalidRequestMeter(config.reliability.invalidRequestsBreakAt, logger);
	const logChannel = logChannelListener({ ...background, db, invalidRequests });
	const audit = new AuditLog((guildId, entry) => {
		logChannel(guildId, entry);
		webhooks.listener(guildId, entry);
	});
	const blacklist = new BlacklistService();
	const categories = new CategoryService(config, cache);
	const panels = new PanelService(cache);
	const ticketScheduler = env.REDIS_URL ? new BullTicketScheduler() : new InProcessTicketScheduler();
	const archive = new MessageArchive({ ...background, db, cache });
	const transcripts = new TranscriptService(new TranscriptStore(config.storage.transcriptsDir), {
		...background,
		db,
		invalidRequests,
		archive,
		attachmentCopies: {
			budgetBytes: config.storage.attachmentsPerTicketMb * 1024 * 1024,
			// Discord's CDN, and the address of the Discord the bot talks to when it is not discord.com (tests).
			hosts: [...DISCORD_CDN_HOSTS, ...(env.DISCORD_API_URL ? [new URL(env.DISCORD_API_URL).host] : [])]
		}
	});
	const ticketServices: TicketServices = {
		db,
		config,
		cache,
		audit,
		timer: ticketScheduler,
		transcripts,
		log: logger,
		roles: discordRoleCheck(discord),
		channels: new TicketChannelGateway(discord)
	};
	return {
		env,
		config,
		redactor: parts.redactor,
		db,
		cache,
		discord,
		work,
		preferences: new GuildPreferences(db, cache, config),
		audit,
		blacklist,
		categories,
		panels,
		catalog: new Catalog(cache, categories, panels),
		captcha: new CaptchaService(cache),
		ticketScheduler,
		ticketServices,
		tickets: new TicketCreator(ticketServices, blacklist),
		archive,
		transcripts,
		security: new SecurityLog(incidentListener({ ...background, db, env })),
		analytics: new AnalyticsService(),
		backups: new ConfigBackups(config.storage.backupsDir, cache),
		webhooks,
		invalidRequests
	};
}
