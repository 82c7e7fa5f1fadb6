import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../src/lib/access/actor.js';
import { everyoneOnlyCheck } from '../../src/lib/access/roles.js';
import { AuditLog } from '../../src/lib/audit/AuditLog.js';
import { createCache } from '../../src/lib/cache/createCache.js';
import type { Cache } from '../../src/lib/cache/Cache.js';
import { parseConfig } from '../../src/lib/config/load.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { DiscordFailure } from '../../src/lib/errors/DiscordFailure.js';
import { Refusal } from '../../src/lib/errors/Refusal.js';
import { LanguageKeys } from '../../src/lib/i18n/languageKeys.js';
import { notice } from '../../src/lib/i18n/notice.js';
import { TicketStatus } from '../../src/lib/model/status.js';
import type { NewTicketChannel, Overwrite, TicketChannels } from '../../src/lib/tickets/channels.js';
import { claim } from '../../src/lib/tickets/claim.js';
import { close } from '../../src/lib/tickets/close.js';
import { repairCreations } from '../../src/lib/tickets/creationRepair.js';

/** The default of config `reliability.repairAfterSeconds`. */
const REPAIR_AFTER_MS = 60_000;
import { finishPurges } from '../../src/lib/tickets/hardDelete.js';
import { addNote } from '../../src/lib/tickets/note.js';
import type { TicketServices } from '../../src/lib/tickets/services.js';
import { TicketCreator } from '../../src/lib/tickets/TicketCreator.js';
import { BlacklistService } from '../../src/lib/blacklist/BlacklistService.js';
import { CategoryService } from '../../src/lib/categories/CategoryService.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

/**
 * The ticket use cases called as a web API or a job would call them: no Discord client anywhere, only
 * the TicketChannels port, here a map of channels in memory that can be told to fail.
 */
class MemoryChannels implements TicketChannels {
	public readonly channels = new Map<string, { name: string; topic: string; overwrites: Overwrite[]; posted: boolean }>();
	public failNext: Error | null = null;
	#next = 500_000_000_000_000_000n;

	public botId() {
		return '100000000000000001';
	}

	#fail() {
		const error = this.failNext;
		this.failNext = null;
		if (error) throw error;
	}

	public async changeOverwrites(
		_guildId: string,
		channelId: string,
		change: (current: readonly Overwrite[]) => Overwrite[] | Promise<Overwrite[]>
	) {
		this.#fail();
		const channel = this.channels.get(channelId);
		if (channel) channel.overwrites = await change(channel.overwrites);
	}

	public async rename(_guildId: string, channelId: string, name: string) {
		this.#fail();
		this.channels.get(channelId)!.name = name;
	}

	public async delete(_guildId: string, channelId: string) {
		this.#fail();
		this.channels.delete(channelId);
	}

	public async create(_guildId: string, spec: NewTicketChannel) {
		this.#fail();
		const id = String(this.#next++);
		this.channels.set(id, { name: spec.name, topic: spec.topic, overwrites: [...spec.overwrites], posted: false });
		return id;
	}

	public async isMember() {
		return true;
	}

	public async post(_guildId: string, channelId: string) {
		this.#fail();
		this.channels.get(channelId)!.posted = true;
	}

	public async countPosts() {
		return 0;
	}

	public guildName() {
		return 'Test server';
	}

	public async leftover(_guildId: string, channelId: string | null, topicStart: string) {
		const id = channelId ?? [...this.channels].find(([, channel]) => channel.topic.startsWith(topicStart))?.[0];
		const channel = id ? this.channels.get(id) : undefined;
		return id && channel ? { channelId: id, posted: channel.posted } : null;
	}
}

const GUILD = '900000000000000001';
const STAFF_ROLE = '900000000000000002';
const staff: Actor = { userId: '800000000000000001', roleIds: [STAFF_ROLE], isAdmin: false, isOwner: false };
const opener: Actor = { userId: '800000000000000002', roleIds: [], isAdmin: false, isOwner: false };
const admin: Actor = { userId: '800000000000000003', roleIds: [], isAdmin: true, isOwner: false };
const outage = () => new DiscordFailure(notice(LanguageKeys.Errors.DiscordUnavailable), new Error('500'));

const [sqlite] = testDatabases();

describe('ticket use cases without Discord', () => {
	let handle: DatabaseHandle;
	let store: DataStore;
	let cache: Cache;
	let channels: MemoryChannels;
	let services: TicketServices;
	const archived: number[] = [];

	beforeAll(async () => {
		({ handle, store } = await migratedStore(sqlite!));
		cache = await createCache(undefined);
		channels = new MemoryChannels();
		const config = parseConfig('tickets: { maxOpenPerUser: 50, hourlyLimit: 100, cooldownSeconds: 0 }');
		const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
		services = {
			db: store,
			config,
			cache,
			audit: new AuditLog(),
			roles: everyoneOnlyCheck,
			channels,
			timer: { schedule: async () => undefined },
			transcripts: { queueArchive: (_guildId, ticketId) => void archived.push(ticketId), archiveNow: async () => undefined },
			log: silent
		};
		await store.forGuild(GUILD).db.category.create({
			data: { guildId: GUILD, key: 'quick', displayName: 'Quick question', staffRoleIds: JSON.stringify([STAFF_ROLE]) }
		});
	});

	afterAll(async () => {
		await cache.close();
		await handle.close();
		await sqlite!.cleanup();
	});

	async function openOne() {
		const category = await new CategoryService(services.config, cache).requireByKey(store.forGuild(GUILD), 'quick');
		const creator = new TicketCreator(services, new BlacklistService());
		return creator.open({
			guildId: GUILD,
			opener: { id: opener.userId, username: 'opener' },
			category,
			answers: [],
			source: 'test',
			whenFull: 'refuse',
			welcome: async () => undefined
		});
	}

	it('opens a ticket into a channel only its opener, its staff and the bot see', async () => {
		const opened = await openOne();
		const channel = channels.channels.get(opened.channelId)!;
		expect(channel.overwrites.map((overwrite) => overwrite.id).sort()).toEqual(
			[GUILD, channels.botId(), opener.userId, STAFF_ROLE].sort()
		);
	});

	it('claims and closes, the database and the channel changing together', async () => {
		const opened = await openOne();
		const target = { guildId: GUILD, ticketId: opened.id };
		const claimed = await claim.run(services, staff, target, undefined);
		expect(claimed.notice.key).toBe(LanguageKeys.Tickets.Claimed);
		const closed = await close.run(services, staff, target, { reason: 'done' });
		expect(closed.controls).toEqual({ kind: 'rating', ticketId: opened.id });
		const row = await store.forGuild(GUILD).db.ticket.findUniqueOrThrow({ where: { id: opened.id } });
		expect(row).toMatchObject({ status: TicketStatus.Closed, claimedById: staff.userId, closeReason: 'done' });
		const openerAccess = channels.channels.get(opened.channelId)!.overwrites.find((o) => o.id === opener.userId)!;
		expect(openerAccess.deny & (1n << 11n)).toBe(1n << 11n);
		expect(archived).toContain(opened.id);
		// Its webhooks waited for the channel change, and are due now that it held.
		const entry = await store
			.forGuild(GUILD)
			.db.auditEvent.findFirstOrThrow({ where: { ticketId: opened.id, action: 'ticket.closed' } });
		expect(entry.webhookDueAt!.getTime()).toBeLessThanOrEqual(Date.now());
	});

	it('leaves the ticket open when Discord fails the close, and says so', async () => {
		const opened = await openOne();
		const target = { guildId: GUILD, ticketId: opened.id };
		const before = structuredClone(channels.channels.get(opened.channelId)!);
		channels.failNext = outage();
		const refused = await close.run(services, staff, target, { reason: 'done' }).catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(Refusal);
		expect((refused as Refusal).notice.key).toBe(LanguageKeys.Errors.NothingChanged);
		const row = await store.forGuild(GUILD).db.ticket.findUniqueOrThrow({ where: { id: opened.id } });
		expect(row.status).toBe(TicketStatus.Open);
		expect(await store.forGuild(GUILD).db.auditEvent.count({ where: { ticketId: opened.id, action: 'ticket.closed' } })).toBe(0);
		expect(channels.channels.get(opened.channelId)).toEqual(before);
	});

	it('refuses the opener what only staff may do, and keeps notes for the staff', async () => {
		const opened = await openOne();
		const target = { guildId: GUILD, ticketId: opened.id };
		await expect(claim.run(services, opener, target, undefined)).rejects.toMatchObject({
			notice: { key: LanguageKeys.Tickets.StaffOnly }
		});
		await expect(addNote.run(services, opener, target, { text: 'x' })).rejects.toBeInstanceOf(Refusal);
		expect(addNote.audience).toBe('private');
		expect((await addNote.run(services, staff, target, { text: 'seen by staff' })).notice.key).toBe(
			LanguageKeys.Tickets.NoteSaved
		);
	});

	it('finishes at start-up a hard delete that stopped half way', async () => {
		const opened = await openOne();
		const data = store.forGuild(GUILD);
		// Marked purged, then the process stopped: the channel and the opener's words are still there.
		await data.db.ticket.update({ where: { id: opened.id }, data: { purgedAt: new Date(), softDeletedAt: new Date() } });
		await data.db.ticketNote.create({ data: { guildId: GUILD, ticketId: opened.id, authorId: admin.userId, content: 'words' } });
		expect(await finishPurges(services, [GUILD])).toBe(1);
		expect(channels.channels.has(opened.channelId)).toBe(false);
		const row = await data.db.ticket.findUniqueOrThrow({ where: { id: opened.id } });
		expect(row).toMatchObject({ openerId: '', ownerId: '', channelId: null });
		expect(await data.db.ticketNote.count({ where: { ticketId: opened.id } })).toBe(0);
		expect(await finishPurges(services, [GUILD])).toBe(0);
	});

	it('finishes or undoes at start-up the creations a stopped bot left half-done', async () => {
		const data = store.forGuild(GUILD);
		const category = await new CategoryService(services.config, cache).requireByKey(data, 'quick');
		const creator = new TicketCreator(services, new BlacklistService());
		const stopped = new Promise<never>(() => undefined);
		// A process that stops in the welcome, before it (nothing posted) and after it (posted).
		const stopIn = (userId: string, posted: boolean) =>
			void creator.open({
				guildId: GUILD,
				opener: { id: userId, username: 'member' },
				category,
				answers: [],
				source: 'test',
				whenFull: 'refuse',
				welcome: async (ticket) => {
					if (posted) channels.channels.get(ticket.channelId)!.posted = true;
					return stopped;
				}
			});
		stopIn('800000000000000021', false);
		stopIn('800000000000000022', true);
		const creating = async () => data.db.ticket.findMany({ where: { status: 'creating' }, orderBy: { id: 'asc' } });
		await vi.waitFor(async () => expect((await creating()).filter((row) => row.channelId)).toHaveLength(2));
		// Which of the two got its number first is the race's: each is found by its member.
		const rows = await creating();
		const unwelcomed = rows.find((row) => row.openerId === '800000000000000021');
		const welcomed = rows.find((row) => row.openerId === '800000000000000022');
		// One stopped between Discord making its channel and the row naming it: only the topic says whose it is.
		const number = await data.nextTicketNumber();
		const lost = await data.db.ticket.create({
			data: {
				guildId: GUILD,
				number,
				categoryId: category.id,
				openerId: '800000000000000023',
				ownerId: '800000000000000023',
				status: 'creating'
			}
		});
		const orphan = await channels.create(GUILD, {
			name: 'orphan',
			topic: `#${number} · Quick question`,
			parentId: null,
			overwrites: []
		});

		// And one stopped before Discord made anything.
		const bare = await data.db.ticket.create({
			data: {
				guildId: GUILD,
				number: await data.nextTicketNumber(),
				categoryId: category.id,
				openerId: '800000000000000024',
				ownerId: '800000000000000024',
				status: 'creating'
			}
		});

		// Not yet stale: another process may still be making them.
		expect(await repairCreations(services, [GUILD])).toEqual([]);
		const later = new Date(Date.now() + REPAIR_AFTER_MS + 1_000);
		const repairs = await repairCreations(services, [GUILD], later);
		const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;
		expect(repairs.sort(byNumber)).toEqual(
			[
				{ guildId: GUILD, number: unwelcomed!.number, outcome: 'removed', channelId: unwelcomed!.channelId },
				{ guildId: GUILD, number: welcomed!.number, outcome: 'opened', channelId: welcomed!.channelId },
				{ guildId: GUILD, number, outcome: 'removed', channelId: orphan },
				{ guildId: GUILD, number: bare.number, outcome: 'removed', channelId: null }
			].sort(byNumber)
		);
		expect(channels.channels.has(unwelcomed!.channelId!)).toBe(false);
		expect(channels.channels.has(orphan)).toBe(false);
		expect(await data.db.ticket.count({ where: { id: { in: [lost.id, bare.id] } } })).toBe(0);
		expect(await data.db.ticket.findUniqueOrThrow({ where: { id: welcomed!.id } })).toMatchObject({ status: 'open' });
		expect(await data.db.auditEvent.count({ where: { ticketId: welcomed!.id, action: 'ticket.opened' } })).toBe(1);
		expect(await repairCreations(services, [GUILD], later)).toEqual([]);
	});
});
