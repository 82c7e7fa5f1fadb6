import { usableRoles } from '../access/roles.js';
import { auditRow, type AuditEntry } from '../audit/AuditLog.js';
import type { BlacklistService } from '../blacklist/BlacklistService.js';
import type { TicketCategory } from '../categories/CategoryService.js';
import { readList, writeList } from '../database/json.js';
import { refuse, Refusal } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { Notice } from '../i18n/notice.js';
import { TicketStatus } from '../model/status.js';
import { guildRules } from '../settings/guildRules.js';
import { ticketChannelName } from '../text/channelName.js';
import { cut } from '../text/cut.js';
import { rememberTicketChannel } from './activity.js';
import { answersText, type Answer } from './answers.js';
import { newTicketOverwrites, ServerFull, ticketTopic } from './channels.js';
import { enqueue } from './queue.js';
import { creationRefusal, type CreationCheckName } from './guards.js';
import { reportMissingRights } from './missingRights.js';
import { hoursRefusal, slaClocks } from './sla.js';
import type { TicketServices } from './services.js';

export interface OpenRequest {
	guildId: string;
	opener: { id: string; username: string };
	category: TicketCategory;
	answers: Answer[];
	/** Where it came from, for the timeline: a panel's key, or the command. */
	source: string;
	/**
	 * Staff who open it for the opener (a ticket about someone's message): the timeline names them, and
	 * the member's creation limits do not apply (staff decided).
	 */
	openedById?: string;
	/**
	 * When the server has no room for the channel: wait in the queue (the member is told their place, and
	 * the ticket opens when there is room), or refuse (a request whose context cannot wait, as a quote).
	 */
	whenFull: 'queue' | 'refuse';
	/** A request from the queue: its checks were passed when the member asked. */
	queued?: boolean;
	/** Posts the ticket's first message in its new channel; a ticket whose welcome Discord refuses is not opened. */
	welcome(ticket: OpenedTicket): Promise<void>;
}

export interface OpenedTicket {
	id: number;
	number: number;
	channelId: string;
	anonymous: boolean;
}

const LOCK_MS = 30_000;

/**
 * Opens tickets. The guards and the creation run under a per-member lock (shared through Redis when
 * configured), so limits hold under simultaneous clicks. Each step that fails undoes the ones before:
 * never a ticket row without its channel, a channel without its row, or a channel without its welcome.
 * What a stopped process leaves half-done is finished or undone at the next start (creationRepair.ts).
 */
export class TicketCreator {
	public constructor(
		private readonly services: TicketServices,
		private readonly blacklist: BlacklistService
	) {}

	/** Why this member cannot open a ticket now (all the checks, or the named ones), or null. */
	public refusal(guildId: string, userId: string, only?: readonly CreationCheckName[]): Promise<Notice | null> {
		return creationRefusal(
			this.services.db.forGuild(guildId),
			userId,
			{ blacklist: this.blacklist, config: this.services.config },
			only
		);
	}

	public async open(request: OpenRequest): Promise<OpenedTicket> {
		const { cache } = this.services;
		const lock = `ticket-create:${request.guildId}:${request.opener.id}`;
		if (!(await cache.setIfAbsent(lock, Date.now(), LOCK_MS))) refuse(LanguageKeys.Tickets.Busy);
		try {
			// Staff opening a ticket for a member decided: the member's limits and the category's hours do not hold them.
			const refusal =
				request.openedById || request.queued
					? null
					: (hoursRefusal(request.category, new Date()) ?? (await this.refusal(request.guildId, request.opener.id)));
			if (refusal) throw new Refusal(refusal);
			const opened = await this.create(request).catch(async (error: unknown) => {
				if (!(error instanceof ServerFull) || request.queued) throw error;
				const data = this.services.db.forGuild(request.guildId);
				if (request.whenFull === 'refuse') refuse(LanguageKeys.Tickets.ServerFull);
				const { category, opener, answers, source } = request;
				const place = await enqueue(
					data,
					{ userId: opener.id, username: opener.username, categoryId: category.id, answers, source },
					category.displayName
				);
				this.services.log.info('The server is full: a ticket request waits in the queue', { guildId: request.guildId });
				throw new Refusal(place);
			});
			await this.armSla(request.guildId, opened.id);
			return opened;
		} finally {
			await cache.delete(lock);
		}
	}

	/** Arms the new ticket's first SLA warning; a timer that cannot be armed now is armed by the next start's sweep. */
	private async armSla(guildId: string, ticketId: number): Promise<void> {
		const row = await this.services.db
			.forGuild(guildId)
			.db.ticket.findUnique({ where: { id: ticketId }, select: { slaWarnAt: true, resolutionWarnAt: true } });
		const times = [row?.slaWarnAt, row?.resolutionWarnAt].filter((time): time is Date => Boolean(time));
		if (times.length === 0) return;
		const first = new Date(Math.min(...times.map((time) => time.getTime())));
		await this.services.timer
			.schedule(guildId, ticketId, first)
			.catch((error: unknown) => this.services.log.warn('Could not arm an SLA warning', { guildId, ticketId, error }));
	}

	private async create({ guildId, opener, category, answers, source, openedById, welcome }: OpenRequest): Promise<OpenedTicket> {
		const { db, channels, config, log } = this.services;
		const data = db.forGuild(guildId);
		const settings = await data.settings();
		const anonymous = category.anonymousAllowed;
		const number = await data.nextTicketNumber();
		const now = new Date();
		const row = await data.db.ticket.create({
			data: {
				guildId,
				number,
				categoryId: category.id,
				openerId: opener.id,
				ownerId: opener.id,
				status: TicketStatus.Creating,
				anonymous,
				priority: category.defaultPriority,
				tags: writeList(category.defaultTags),
				answers: JSON.stringify(answers),
				answersText: answersText(answers),
				...slaClocks(category, now),
				lastActivityAt: now,
				openerLastActivityAt: now
			}
		});
		// The guild's admin roles see every ticket too, as members with Manage Server alone would not.
		const staffRoleIds = usableRoles(
			guildId,
			[...category.staffRoleIds, ...readList(settings.supportRoleIds), ...readList(settings.adminRoleIds)],
			this.services.roles,
			log,
			'new ticket channel'
		);
		let channelId: string;
		try {
			channelId = await channels.create(guildId, {
				name: ticketChannelName(guildRules(settings, config).channelNamePattern, {
					number,
					username: opener.username,
					category: category.key,
					anonymous
				}),
				topic: cut(ticketTopic(number, category.displayName), 1024),
				parentId: category.parentChannelId ?? settings.ticketParentId,
				overwrites: newTicketOverwrites({ guildId, botId: channels.botId(), openerId: opener.id, staffRoleIds })
			});
		} catch (error) {
			await data.db.ticket.delete({ where: { id: row.id } });
			await reportMissingRights(this.services, data, error);
			throw error;
		}
		// Recorded at once (the ticket still being created): a bot stopped from here on leaves a channel its
		// start-up finds by ID, finishes when the welcome is there, and removes when it is not.
		const opened: OpenedTicket = { id: row.id, number, channelId, anonymous };
		const entry: AuditEntry = {
			ticketId: row.id,
			actorId: openedById ?? (anonymous ? null : opener.id),
			action: 'ticket.opened',
			...(openedById && !anonymous ? { targetId: opener.id } : {}),
			details: { number, category: category.key, source }
		};
		try {
			// Known as a ticket before its first message, the welcome, which the message archive stores.
			await data.db.ticket.update({ where: { id: row.id }, data: { channelId } });
			await rememberTicketChannel(this.services.cache, channelId, row.id);
			await welcome(opened);
			await data.db.$transaction([
				data.db.ticket.update({ where: { id: row.id }, data: { channelId, status: TicketStatus.Open } }),
				data.db.auditEvent.create({ data: auditRow(guildId, entry) })
			]);
		} catch (error) {
			await channels
				.delete(guildId, channelId, 'ticket could not be opened')
				.catch((deleteError: unknown) =>
					log.warn('Could not remove the channel of a ticket that failed to open', { channelId, error: deleteError })
				);
			await data.db.ticket.delete({ where: { id: row.id } }).catch(() => undefined);
			await reportMissingRights(this.services, data, error);
			throw error;
		}
		this.services.audit.published(data, entry);
		return opened;
	}
}
