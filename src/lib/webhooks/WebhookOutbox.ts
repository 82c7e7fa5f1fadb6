import { randomBytes } from 'node:crypto';
import type { AuditAuthor, AuditListener, AuditLog } from '../audit/AuditLog.js';
import type { BotConfig } from '../config/schema.js';
import type { DataStore, GuildData } from '../database/guildData.js';
import { readList } from '../database/json.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { WorkTracker } from '../lifecycle/WorkTracker.js';
import type { AuditAction } from '../model/auditActions.js';
import { eventOf, type WebhookEvent } from '../model/webhookEvents.js';
import { parseEvents } from './events.js';
import { signDelivery } from './signature.js';
import { pollingWake, type DeliveryWake } from './wake.js';

export interface WebhookServices {
	readonly db: DataStore;
	readonly config: BotConfig;
	readonly work: WorkTracker;
	readonly logger: { warn(message: string, fields?: object): void; error(message: string, fields?: object): void };
	/** What wakes the sender for a retry (each second's read without Redis). */
	readonly wake?: DeliveryWake;
}

/** A stored ticket event the outbox has not queued yet. */
interface PendingEvent {
	id: number;
	guildId: string;
	ticketId: number | null;
	actorId: string | null;
	action: string;
	details: string;
	createdAt: Date;
}

/** The surface an entry's details name ('web', 'api'), or Discord's. */
function readVia(details: string): string {
	try {
		const via = (JSON.parse(details) as { via?: unknown }).via;
		return typeof via === 'string' ? via : 'discord';
	} catch {
		return 'discord';
	}
}

/** How many endpoints one guild may have. */
export const MAX_ENDPOINTS = 5;
const BATCH = 20;
/** A delivery being sent is held this long; a process that died meanwhile leaves it to be tried again then. */
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An address the bot may post to: https, or http to this machine (a receiver beside the bot, tests). */
export function webhookUrl(text: string): URL | null {
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		return null;
	}
	if (url.username || url.password) return null;
	return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) ? url : null;
}

/**
 * Ticket events for the guilds' webhooks: each event becomes one delivery per endpoint that wants it, in
 * the database (the outbox), then is posted, signed, and tried again with backoff until the receiver
 * answers 2xx or the attempts run out. Every process polls the same outbox and claims a delivery with a
 * conditional update, so each is sent by one process at a time, and a restart loses nothing.
 */
export class WebhookOutbox {
	#timer: NodeJS.Timeout | undefined;
	#running: Promise<void> | null = null;

	public constructor(
		private readonly services: WebhookServices,
		private readonly post: typeof fetch = fetch,
		private readonly now: () => Date = () => new Date()
	) {}

	/** The audit listener: a stored ticket event wakes the outbox, which reads the event from the database. */
	public readonly listener: AuditListener = (_guildId, entry) => {
		if (entry.ticketId != null && eventOf(entry.action)) this.kick();
	};

	/**
	 * Turns the stored ticket events that are due into deliveries, oldest first. An event's deliveries are
	 * written, and its due time cleared, in one transaction only one process wins; an event stored just
	 * before a crash is queued by the next pass, in this process or another. Returns how many deliveries
	 * it wrote.
	 */
	public async queuePending(): Promise<number> {
		const events = await this.services.db.prisma.auditEvent.findMany({
			where: { webhookDueAt: { lte: this.now() } },
			orderBy: { id: 'asc' },
			take: BATCH
		});
		let queued = 0;
		for (const row of events) queued += await this.#queue(row);
		return queued;
	}

	async #queue(row: PendingEvent): Promise<number> {
		const data = this.services.db.forGuild(row.guildId);
		const event = eventOf(row.action as AuditAction);
		const deliveries = event && row.ticketId != null ? await this.#deliveries(data, event, row, row.ticketId) : [];
		return data.db.$transaction(async (tx) => {
			const { count } = await tx.auditEvent.updateMany({
				where: { id: row.id, webhookDueAt: { not: null } },
				data: { webhookDueAt: null }
			});
			if (count === 0 || deliveries.length === 0) return 0;
			await tx.webhookDelivery.createMany({ data: deliveries });
			return deliveries.length;
		});
	}

	/** One delivery per endpoint that wants the event, with the ticket as it is now. */
	async #deliveries(data: GuildData, event: WebhookEvent, row: PendingEvent, ticketId: number) {
		const endpoints = (await data.db.webhookEndpoint.findMany({ select: { id: true, events: true } })).filter((endpoint) => {
			const wanted = readList(endpoint.events);
			return wanted.length === 0 || wanted.includes(event);
		});
		if (endpoints.length === 0) return [];
		const ticket = await data.db.ticket.findUnique({
			where: { id: ticketId },
			include: { category: { select: { key: true } } }
		});
		if (!ticket) return [];
		const payload = JSON.stringify({
			event,
			guildId: data.guildId,
			occurredAt: row.createdAt.toISOString(),
			actorId: row.actorId,
			via: readVia(row.details),
			ticket: {
				number: ticket.number,
				status: ticket.status,
				category: ticket.category?.key ?? null,
				priority: ticket.priority,
				openerId: ticket.anonymous ? null : ticket.openerId,
				claimedById: ticket.claimedById,
				channelId: ticket.channelId,
				closeReason: ticket.closeReason
			}
		});
		return endpoints.map((endpoint) => ({
			guildId: data.guildId,
			endpointId: endpoint.id,
			event,
			payload,
			nextAttemptAt: this.now()
		}));
	}

	get #wake(): DeliveryWake {
		return this.services.wake ?? pollingWake;
	}

	public async start(): Promise<void> {
		this.#timer ??= setInterval(() => this.kick(), this.#wake.pollMs);
		await this.#wake.start(async () => {
			this.kick();
			await this.#running;
		});
		this.kick();
	}

	public async stop(): Promise<void> {
		clearInterval(this.#timer);
		this.#timer = undefined;
		await this.#running;
		await this.#wake.stop();
	}

	/** Queues the stored events and sends what is due now, unless a pass is already running. */
	public kick(): void {
		this.#running ??= this.services.work
			.run(async () => {
				await this.queuePending();
				await this.deliverDue();
			})
			.catch((error: unknown) => this.services.logger.error('Webhook deliveries failed', { error }))
			.finally(() => (this.#running = null));
	}

	/** One pass over the due deliveries of every guild; returns how many were attempted. */
	public async deliverDue(): Promise<number> {
		const { prisma } = this.services.db;
		const due = await prisma.webhookDelivery.findMany({
			where: { status: 'pending', nextAttemptAt: { lte: this.now() } },
			orderBy: { id: 'asc' },
			take: BATCH,
			include: { endpoint: { select: { url: true, secret: true } } }
		});
		let attempted = 0;
		for (const delivery of due) {
			const { count } = await prisma.webhookDelivery.updateMany({
				where: { id: delivery.id, status: 'pending', attempts: delivery.attempts },
				data: { attempts: delivery.attempts + 1, nextAttemptAt: new Date(this.now().getTime() + LEASE_MS) }
			});
			if (count === 0) continue;
			attempted++;
			await this.#send({ ...delivery, attempts: delivery.attempts + 1 });
		}
		return attempted;
	}

	async #send(delivery: {
		id: number;
		event: string;
		payload: string;
		attempts: number;
		endpoint: { url: string; secret: string };
	}): Promise<void> {
		const { prisma } = this.services.db;
		const timestamp = Math.floor(this.now().getTime() / 1000);
		let status: number | null = null;
		let error: string | null = null;
		try {
			const response = await this.post(delivery.endpoint.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'user-agent': 'ticket-bot-webhooks',
					'x-ticketbot-event': delivery.event,
					'x-ticketbot-delivery': String(delivery.id),
					'x-ticketbot-timestamp': String(timestamp),
					'x-ticketbot-signature': signDelivery(delivery.endpoint.secret, timestamp, delivery.payload)
				},
				body: delivery.payload,
				redirect: 'manual',
				signal: AbortSignal.timeout(TIMEOUT_MS)
			});
			status = response.status;
			await response.body?.cancel();
		} catch (failure) {
			error = failure instanceof Error ? failure.message.slice(0, 300) : String(failure).slice(0, 300);
		}
		if (status !== null && status >= 200 && status < 300) {
			await prisma.webhookDelivery.update({
				where: { id: delivery.id },
				data: { status: 'delivered', deliveredAt: this.now(), lastStatus: status, lastError: null }
			});
			return;
		}
		const { retrySeconds, maxAttempts } = this.services.config.webhooks;
		const last = delivery.attempts >= maxAttempts;
		const waitMs = Math.min(3_600_000, retrySeconds * 1000 * 2 ** (delivery.attempts - 1));
		const nextAttemptAt = new Date(this.now().getTime() + waitMs);
		await prisma.webhookDelivery.update({
			where: { id: delivery.id },
			data: { status: last ? 'failed' : 'pending', nextAttemptAt, lastStatus: status, lastError: error ?? `HTTP ${status}` }
		});
		if (!last)
			await this.#wake
				.at(nextAttemptAt)
				.catch((wakeError: unknown) =>
					this.services.logger.warn('Could not arm a webhook retry (the outbox is read anyway)', { error: wakeError })
				);
		if (last) this.services.logger.warn('A webhook delivery failed for good', { deliveryId: delivery.id, status, error });
	}
}

/** /webhook add: a new endpoint and its secret (shown once). */
export async function addWebhook(
	audit: AuditLog,
	data: GuildData,
	author: AuditAuthor & { actorId: string },
	urlText: string,
	eventsText: string
): Promise<{ id: number; secret: string; events: WebhookEvent[] }> {
	const url = webhookUrl(urlText);
	if (!url) refuse(LanguageKeys.Webhooks.InvalidUrl);
	const { events, unknown } = parseEvents(eventsText);
	if (unknown.length) refuse(LanguageKeys.Webhooks.UnknownEvents, { events: unknown.join(', ').slice(0, 200) });
	if ((await data.db.webhookEndpoint.count()) >= MAX_ENDPOINTS) refuse(LanguageKeys.Webhooks.TooMany, { max: MAX_ENDPOINTS });
	const secret = `whsec_${randomBytes(24).toString('base64url')}`;
	const endpoint = await data.db.webhookEndpoint.create({
		data: { guildId: data.guildId, url: url.toString(), secret, events: JSON.stringify(events), createdById: author.actorId }
	});
	await audit.record(data, { ...author, action: 'webhook.created', details: { id: endpoint.id, url: url.origin, events } });
	return { id: endpoint.id, secret, events };
}

/** /webhook remove: the endpoint and its delivery log go. */
export async function removeWebhook(audit: AuditLog, data: GuildData, author: AuditAuthor, id: number): Promise<void> {
	const { count } = await data.db.webhookEndpoint.deleteMany({ where: { id } });
	if (count === 0) refuse(LanguageKeys.Webhooks.NotFound, { id });
	await audit.record(data, { ...author, action: 'webhook.removed', details: { id } });
}

/** /webhook list: each endpoint with its last deliveries' outcome. */
export async function listWebhooks(data: GuildData) {
	const endpoints = await data.db.webhookEndpoint.findMany({ orderBy: { id: 'asc' } });
	return Promise.all(
		endpoints.map(async (endpoint) => {
			const counts = await data.db.webhookDelivery.groupBy({
				by: ['status'],
				where: { endpointId: endpoint.id },
				_count: { _all: true }
			});
			const last = await data.db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id }, orderBy: { id: 'desc' } });
			const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
			return {
				id: endpoint.id,
				url: endpoint.url,
				events: readList(endpoint.events),
				delivered: count('delivered'),
				pending: count('pending'),
				failed: count('failed'),
				last: last ? { event: last.event, status: last.status, lastStatus: last.lastStatus, at: last.createdAt } : null
			};
		})
	);
}
