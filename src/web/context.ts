import type { Client } from 'discord.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AnalyticsService } from '../lib/analytics/AnalyticsService.js';
import type { BlacklistService } from '../lib/blacklist/BlacklistService.js';
import type { CategoryService } from '../lib/categories/CategoryService.js';
import type { Env } from '../lib/config/env.js';
import type { PanelService } from '../lib/panels/PanelService.js';
import type { GuildPreferences } from '../lib/settings/GuildPreferences.js';
import type { DataStore } from '../lib/database/guildData.js';
import type { TicketServices } from '../lib/tickets/services.js';
import type { TranscriptService } from '../lib/transcripts/TranscriptService.js';
import type { Html } from './html.js';
import type { WebLanguage } from './i18n.js';
import type { DiscordLogin } from './oauth.js';
import type { SessionStore, WebSession } from './sessions.js';

/** What the dashboard runs with: the bot's own services (a piece's container holds them under these names). */
export interface WebServices {
	readonly env: Env;
	readonly db: DataStore;
	readonly ticketServices: TicketServices;
	readonly transcripts: TranscriptService;
	readonly analytics: AnalyticsService;
	readonly preferences: GuildPreferences;
	readonly blacklist: BlacklistService;
	readonly categories: CategoryService;
	readonly panels: PanelService;
	readonly discord: () => Client;
}

/** What every route module is given: the services, the logins, and one way to answer with a page. */
export interface WebContext {
	readonly services: WebServices;
	readonly sessions: SessionStore;
	readonly login: DiscordLogin;
	/** Whether browsers reach the dashboard over https (cookies are then Secure). */
	readonly secure: boolean;
	/** Answers with a page; `scripts` are the project's own (under /static/) the page needs, if any. */
	page(
		request: FastifyRequest,
		reply: FastifyReply,
		title: string,
		body: Html,
		status?: number,
		scripts?: readonly string[]
	): FastifyReply;
	/** Answers 403 with why, in the reader's language. */
	refused(request: FastifyRequest, reply: FastifyReply, text: string): FastifyReply;
	notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply;
}

declare module 'fastify' {
	interface FastifyRequest {
		session: WebSession | null;
		sessionToken: string | undefined;
		lang: WebLanguage;
	}
}

export const SESSION_COOKIE = 'ticketbot_session';
