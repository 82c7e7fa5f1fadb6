import type { AnalyticsService } from '../analytics/AnalyticsService.js';
import type { TicketServices } from '../tickets/services.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { ConfigBackups } from '../backups/ConfigBackups.js';
import type { BlacklistService } from '../blacklist/BlacklistService.js';
import type { Cache } from '../cache/Cache.js';
import type { Catalog } from '../panels/Catalog.js';
import type { CategoryService } from '../categories/CategoryService.js';
import type { Env } from '../config/env.js';
import type { BotConfig } from '../config/schema.js';
import type { DataStore } from '../database/guildData.js';
import type { WorkTracker } from '../lifecycle/WorkTracker.js';
import type { Redactor } from '../logging/redact.js';
import type { CloseScheduler } from '../scheduling/CloseScheduler.js';
import type { SecurityLog } from '../security/SecurityLog.js';
import type { PanelService } from '../panels/PanelService.js';
import type { GuildPreferences } from '../settings/GuildPreferences.js';
import type { CaptchaService } from '../tickets/captcha.js';
import type { TicketCreator } from '../tickets/TicketCreator.js';
import type { TranscriptService } from '../transcripts/TranscriptService.js';

declare module '@sapphire/pieces' {
	interface Container {
		env: Env;
		config: BotConfig;
		db: DataStore;
		cache: Cache;
		preferences: GuildPreferences;
		work: WorkTracker;
		redactor: Redactor;
		audit: AuditLog;
		blacklist: BlacklistService;
		categories: CategoryService;
		catalog: Catalog;
		panels: PanelService;
		tickets: TicketCreator;
		captcha: CaptchaService;
		closeScheduler: CloseScheduler;
		/** What the ticket use cases run with, from any surface. */
		ticketServices: TicketServices;
		transcripts: TranscriptService;
		security: SecurityLog;
		analytics: AnalyticsService;
		backups: ConfigBackups;
	}
}

declare module '@sapphire/framework' {
	interface Preconditions {
		NotShuttingDown: never;
		AdminOnly: never;
		CreationOpen: never;
		NotBlacklisted: never;
		CreationCooldown: never;
		GuildStaff: never;
		BotOwner: never;
	}
}

declare module '@sapphire/plugin-scheduled-tasks' {
	interface ScheduledTasks {
		ticketClose: { guildId: string; ticketId: number };
		inactivitySweep: never;
	}
}
