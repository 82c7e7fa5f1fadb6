import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, auditRow } from '../../src/lib/audit/AuditLog.js';
import { parseConfig } from '../../src/lib/config/load.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { WorkTracker } from '../../src/lib/lifecycle/WorkTracker.js';
import { eventOf } from '../../src/lib/model/webhookEvents.js';
import { parseEvents } from '../../src/lib/webhooks/events.js';
import { signDelivery, verifyDelivery } from '../../src/lib/webhooks/signature.js';
import { WebhookOutbox, webhookUrl } from '../../src/lib/webhooks/WebhookOutbox.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

describe('webhook events, addresses and signatures', () => {
	it('maps timeline entries to events and reads the events an admin types', () => {
		expect(eventOf('ticket.force_closed')).toBe('ticket.closed');
		expect(eventOf('ticket.purged')).toBe('ticket.deleted');
		expect(eventOf('ticket.note')).toBeNull();
		expect(parseEvents('opened, ticket.closed,closed')).toEqual({ events: ['ticket.opened', 'ticket.closed'], unknown: [] });
		expect(parseEvents('all')).toEqual({ events: [], unknown: [] });
		expect(parseEvents('opened sneezed').unknown).toEqual(['ticket.sneezed']);
	});

	it('posts only to https, or http on this machine, without credentials', () => {
		expect(webhookUrl('https://hooks.example.com/ticket')?.href).toBe('https://hooks.example.com/ticket');
		expect(webhookUrl('http://127.0.0.1:9000/x')).not.toBeNull();
		for (const bad of ['http://example.com/', 'http://10.0.0.5/', 'https://a:b@example.com/', 'file:///etc/passwd', 'nope'])
			expect(webhookUrl(bad), bad).toBeNull();
	});

	it('signs the timestamp and the body, and refuses a changed body, another secret or an old delivery', () => {
		const body = '{"event":"ticket.opened"}';
		const headers = { timestamp: '1700000000', signature: signDelivery('whsec_a', 1700000000, body) };
		expect(verifyDelivery('whsec_a', headers, body, 1700000010)).toBe(true);
		expect(verifyDelivery('whsec_a', headers, `${body} `, 1700000010)).toBe(false);
		expect(verifyDelivery('whsec_b', headers, body, 1700000010)).toBe(false);
		expect(verifyDelivery('whsec_a', headers, body, 1700000000 + 301)).toBe(false);
		expect(verifyDelivery('whsec_a', { ...headers, signature: null }, body, 1700000010)).toBe(false);
	});
});

for (const database of testDatabases()) {
	describe(`the webhook outbox (${database.provider})`, () => {
		let handle: DatabaseHandle;
		let store: DataStore;
		const GUILD = '900000000000000041';
		// The outbox's clock, a minute ahead of the real one that stamps the entries the tests store.
		let now = new Date(Date.now() + 60_000);
		const statuses: number[] = [];
		const sent: string[] = [];
		let outbox: WebhookOutbox;
		let rival: WebhookOutbox;

		beforeAll(async () => {
			({ handle, store } = await migratedStore(database));
			const silent = { warn: () => undefined, error: () => undefined };
			const post = (async (url: string) => {
				sent.push(url);
				return new Response(null, { status: statuses.shift() ?? 200 });
			}) as unknown as typeof fetch;
			const outboxOf = () =>
				new WebhookOutbox(
					{
						db: store,
						config: parseConfig('webhooks: { retrySeconds: 10, maxAttempts: 3 }'),
						work: new WorkTracker(),
						logger: silent
					},
					post,
					() => now
				);
			outbox = outboxOf();
			rival = outboxOf();
			const data = store.forGuild(GUILD);
			await data.db.webhookEndpoint.create({
				data: {
					guildId: GUILD,
					url: 'https://hooks.example.com/a',
					secret: 'whsec_x',
					events: '["ticket.closed"]',
					createdById: '1'
				}
			});
			await data.db.ticket.create({ data: { guildId: GUILD, number: 1, openerId: '2', ownerId: '2' } });
		});

		afterAll(async () => {
			await handle.close();
			await database.cleanup();
		});

		it('queues each stored ticket event once, for the endpoints that want it, even after a crash', async () => {
			const data = store.forGuild(GUILD);
			const ticket = await data.db.ticket.findFirstOrThrow();
			// Stored by a process that died before its outbox heard of them: the marks are in the database.
			const gone = new AuditLog();
			await gone.record(data, { actorId: '2', action: 'ticket.opened', ticketId: ticket.id });
			await gone.record(data, { actorId: '3', action: 'ticket.closed', ticketId: ticket.id, via: 'web' });
			await gone.record(data, { actorId: '3', action: 'ticket.note', ticketId: ticket.id });
			expect(await data.db.auditEvent.count({ where: { webhookDueAt: { not: null } } })).toBe(2);
			// Two processes read them at once: one wins each event.
			const [first, second] = await Promise.all([outbox.queuePending(), rival.queuePending()]);
			expect(first + second).toBe(1);
			expect(await data.db.auditEvent.count({ where: { webhookDueAt: { not: null } } })).toBe(0);
			expect(await outbox.queuePending()).toBe(0);
			const queued = await data.db.webhookDelivery.findFirstOrThrow();
			expect(queued.event).toBe('ticket.closed');
			expect(JSON.parse(queued.payload)).toMatchObject({
				event: 'ticket.closed',
				actorId: '3',
				via: 'web',
				ticket: { number: 1 }
			});
			await data.db.webhookDelivery.deleteMany();
		});

		it('waits for the Discord effect of a change: sent once it held, or when its process died meanwhile', async () => {
			const data = store.forGuild(GUILD);
			const ticket = await data.db.ticket.findFirstOrThrow();
			// Written with a change whose Discord call is still running (or whose process was killed in it).
			const entry = { actorId: '3', action: 'ticket.closed', ticketId: ticket.id } as const;
			const waiting = await data.db.auditEvent.create({ data: auditRow(GUILD, entry, new Date(now.getTime() + 120_000)) });
			expect(await outbox.queuePending()).toBe(0);
			now = new Date(now.getTime() + 121_000);
			expect(await outbox.queuePending()).toBe(1);
			expect((await data.db.auditEvent.findUniqueOrThrow({ where: { id: waiting.id } })).webhookDueAt).toBeNull();
			await data.db.webhookDelivery.deleteMany();
		});

		it('sends a stored event at once, and backs off 10 s, 20 s, then gives up', async () => {
			const data = store.forGuild(GUILD);
			const ticket = await data.db.ticket.findFirstOrThrow();
			statuses.push(500, 500, 500);
			await new AuditLog(outbox.listener).record(data, { actorId: '3', action: 'ticket.closed', ticketId: ticket.id });
			// The entry wakes the outbox at once: the first attempt is made without waiting for the next poll.
			await outbox.stop();
			const row = async () => data.db.webhookDelivery.findFirstOrThrow();
			expect(await row()).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 });
			// Not due yet: nothing is sent.
			expect(await outbox.deliverDue()).toBe(0);
			now = new Date(now.getTime() + 10_000);
			expect(await outbox.deliverDue()).toBe(1);
			expect((await row()).nextAttemptAt.getTime() - now.getTime()).toBe(20_000);
			now = new Date(now.getTime() + 20_000);
			expect(await outbox.deliverDue()).toBe(1);
			expect(await row()).toMatchObject({ status: 'failed', attempts: 3 });
			now = new Date(now.getTime() + 3_600_000);
			expect(await outbox.deliverDue()).toBe(0);
			expect(sent).toHaveLength(3);
		});
	});
}
