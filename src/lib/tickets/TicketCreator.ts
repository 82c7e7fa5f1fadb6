import type { Guild, GuildMember, MessageCreateOptions, TextChannel } from 'discord.js';
import { auditRow, type AuditEntry, type AuditLog } from '../audit/AuditLog.js';
import type { BlacklistService } from '../blacklist/BlacklistService.js';
import type { Cache } from '../cache/Cache.js';
import type { TicketCategory } from '../categories/CategoryService.js';
import type { BotConfig } from '../config/schema.js';
import type { GuildData } from '../database/guildData.js';
import { readList, writeList } from '../database/json.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { guildRules } from '../settings/guildRules.js';
import { rememberTicketChannel } from './activity.js';
import type { Answer } from './answers.js';
import { ticketChannelName } from '../text/channelName.js';
import { creationRefusal, type CreationCheckName } from './guards.js';
import type { Notice } from '../i18n/notice.js';
import { refuse, Refusal } from '../errors/Refusal.js';
import { TicketStatus } from '../model/status.js';
import { createTicketChannel } from '../discord/ticketChannels.js';
import { cut } from '../text/cut.js';

export interface OpenRequest {
	data: GuildData;
	guild: Guild;
	member: GuildMember;
	category: TicketCategory;
	answers: Answer[];
	/** Where it came from, for the timeline: a panel's key, or the command. */
	source: string;
	/** The ticket's first message; a ticket whose welcome Discord refuses is not opened. */
	welcome(ticket: { id: number; number: number; anonymous: boolean }): MessageCreateOptions;
}

export interface OpenedTicket {
	id: number;
	number: number;
	channel: TextChannel;
	anonymous: boolean;
}

const LOCK_MS = 30_000;

/**
 * Opens tickets. The guards and the creation run under a per-member lock (shared through Redis when
 * configured), so limits hold under simultaneous clicks. Each step that fails undoes the ones before:
 * never a ticket row without its channel, nor a channel without its row.
 */
export class TicketCreator {
	public constructor(
		private readonly deps: {
			config: BotConfig;
			cache: Cache;
			blacklist: BlacklistService;
			audit: AuditLog;
			log: { warn(message: string, fields?: object): void };
		}
	) {}

	/** Why this member cannot open a ticket now (all the checks, or the named ones), or null. */
	public refusal(data: GuildData, userId: string, only?: readonly CreationCheckName[]): Promise<Notice | null> {
		return creationRefusal(data, userId, this.deps, only);
	}

	public async open(request: OpenRequest): Promise<OpenedTicket> {
		const { data, member } = request;
		const lock = `ticket-create:${data.guildId}:${member.id}`;
		if (!(await this.deps.cache.setIfAbsent(lock, Date.now(), LOCK_MS))) refuse(LanguageKeys.Tickets.Busy);
		try {
			const refusal = await this.refusal(data, member.id);
			if (refusal) throw new Refusal(refusal);
			return await this.create(request);
		} finally {
			await this.deps.cache.delete(lock);
		}
	}

	private async create({ data, guild, member, category, answers, source, welcome }: OpenRequest): Promise<OpenedTicket> {
		const settings = await data.settings();
		const anonymous = category.anonymousAllowed;
		const number = await data.nextTicketNumber();
		const now = new Date();
		const row = await data.db.ticket.create({
			data: {
				guildId: data.guildId,
				number,
				categoryId: category.id,
				openerId: member.id,
				ownerId: member.id,
				status: TicketStatus.Creating,
				anonymous,
				priority: category.defaultPriority,
				tags: writeList(category.defaultTags),
				answers: JSON.stringify(answers),
				slaDueAt: category.slaMinutes ? new Date(now.getTime() + category.slaMinutes * 60_000) : null,
				lastActivityAt: now,
				openerLastActivityAt: now
			}
		});
		let channel: TextChannel;
		try {
			channel = await createTicketChannel(guild, {
				name: ticketChannelName(guildRules(settings, this.deps.config).channelNamePattern, {
					number,
					username: member.user.username,
					category: category.key,
					anonymous
				}),
				topic: cut(`#${number} · ${category.displayName}`, 1024),
				parentId: category.parentChannelId ?? settings.ticketParentId,
				openerId: member.id,
				// The guild's admin roles see every ticket too, as members with Manage Server alone would not.
				staffRoleIds: [...category.staffRoleIds, ...readList(settings.supportRoleIds), ...readList(settings.adminRoleIds)]
			});
		} catch (error) {
			await data.db.ticket.delete({ where: { id: row.id } });
			throw error;
		}
		const opened: AuditEntry = {
			ticketId: row.id,
			actorId: anonymous ? null : member.id,
			action: 'ticket.opened',
			details: { number, category: category.key, source }
		};
		try {
			await channel.send(welcome({ id: row.id, number, anonymous }));
			await data.db.$transaction([
				data.db.ticket.update({ where: { id: row.id }, data: { channelId: channel.id, status: TicketStatus.Open } }),
				data.db.auditEvent.create({ data: auditRow(data.guildId, opened) })
			]);
		} catch (error) {
			await channel.delete('ticket could not be opened').catch((deleteError: unknown) =>
				this.deps.log.warn('Could not remove the channel of a ticket that failed to open', {
					channelId: channel.id,
					error: deleteError
				})
			);
			await data.db.ticket.delete({ where: { id: row.id } }).catch(() => undefined);
			throw error;
		}
		this.deps.audit.published(data, opened);
		await rememberTicketChannel(this.deps.cache, channel.id, row.id);
		return { id: row.id, number, channel, anonymous };
	}
}
