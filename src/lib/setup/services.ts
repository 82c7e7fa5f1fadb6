import type { Client } from 'discord.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { Cache } from '../cache/Cache.js';
import type { BotConfig } from '../config/schema.js';
import type { DataStore } from '../database/guildData.js';
import { discordRoleCheck } from '../discord/actors.js';
import { TicketChannelGateway } from '../discord/TicketChannelGateway.js';
import type { CloseTimer, ServiceLog, TicketServices, TranscriptQueue } from '../tickets/services.js';

export interface ServiceParts {
	db: DataStore;
	config: BotConfig;
	cache: Cache;
	audit: AuditLog;
	closeTimer: CloseTimer;
	transcripts: TranscriptQueue;
	log: ServiceLog;
	/** The Discord client, once it exists: the ports read it on each call, never at start-up. */
	client: () => Client;
}

/** The services every ticket use case runs with, their Discord ports bound to this process's client. */
export function createTicketServices(parts: ServiceParts): TicketServices {
	const { client, ...rest } = parts;
	return { ...rest, roles: discordRoleCheck(client), channels: new TicketChannelGateway(client) };
}
