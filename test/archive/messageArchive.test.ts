import type { Client } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MessageArchive } from '../../src/lib/archive/MessageArchive.js';
import type { SeenMessage } from '../../src/lib/archive/record.js';
import { MemoryCache } from '../../src/lib/cache/MemoryCache.js';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore, GuildData } from '../../src/lib/database/guildData.js';
import { WorkTracker } from '../../src/lib/lifecycle/WorkTracker.js';
import { rememberTicketChannel } from '../../src/lib/tickets/activity.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const GUILD = '900000000000000001';
const OTHER_GUILD = '900000000000000002';
const OPENER = '900000000000000011';
const BOT = '900000000000000012';
const GENERAL = '900000000000000021';
let nextId = 1_400_000_000_000_000_000n;
const snowflake = () => String(nextId++);

/** A message as discord.js would hand it over, with only what the archive reads. */
function seen(channelId: string, content: string, extra: Partial<SeenMessage> = {}): SeenMessage {
	return {
		id: snowflake(),
		channelId,
		guildId: GUILD,
		author: { id: OPENER, username: 'alice', globalName: 'Alice G', bot: false },
		member: { displayName: 'Alice in Home' },
		content,
		embeds: [],
		attachments: new Map(),
		reference: null,
		createdAt: new Date(),
		editedAt: null,
		...extra
	};
}

const logged: { message: string; fields?: object }[] = [];
const logger = {
	warn: (message: string, fields?: object) => logged.push({ message, fields }),
	error: (message: string, fields?: object) => logged.push({ message, fields })
};

for (const database of testDatabases()) {
	describe(`message archive (${database.provider})`, () => {
		let handle: DatabaseHandle;
		let store: DataStore;
		let data: GuildData;
		let cache: MemoryCache;
		let work: WorkTracker;
		let archive: MessageArchive;
		/** The channels the fake client knows, each with its history on Discord (for the catch-up). */
		const discordHistory = new Map<string, SeenMessage[]>();
		let fetches: { channelId: string; after: string }[];
		let number = 0;

		const fakeClient = {
			channels: {
				cache: {
					get: (id: string) =>
						discordHistory.has(id)
							? {
									isTextBased: () => true,
									isDMBased: () => false,
									messages: {
										fetch: async ({ after, limit }: { after: string; limit: number }) => {
											fetches.push({ channelId: id, after });
											const page = discordHistory
												.get(id)!
												.filter((message) => BigInt(message.id) > BigInt(after))
												.slice(0, limit);
											return new Map(page.reverse().map((message) => [message.id, message]));
										}
									}
								}
							: undefined
				}
			}
		} as unknown as Client;

		/** A ticket row with its channel, known to the cache as the ticket creator leaves it. */
		async function openTicket(createdAt = new Date()) {
			const channelId = snowflake();
			const ticket = await data.db.ticket.create({
				data: { guildId: GUILD, number: ++number, openerId: OPENER, ownerId: OPENER, channelId, status: 'open', createdAt }
			});
			await rememberTicketChannel(cache, channelId, ticket.id);
			return ticket;
		}

		const rows = (ticketId: number) => data.db.ticketMessage.findMany({ where: { ticketId }, orderBy: { id: 'asc' } });

		beforeAll(async () => {
			({ handle, store } = await migratedStore(database));
			data = store.forGuild(GUILD);
		});

		beforeEach(() => {
			cache = new MemoryCache();
			work = new WorkTracker();
			archive = new MessageArchive({ db: store, cache, work, logger, discord: () => fakeClient });
			logged.length = 0;
			fetches = [];
			discordHistory.clear();
		});

		afterAll(async () => {
			await handle?.close();
			await database.cleanup();
		});

		it('stores every message of a ticket channel once, the bot’s own too, and nothing from other channels', async () => {
			const ticket = await openTicket();
			const welcome = seen(ticket.channelId!, 'Welcome! Staff will be with you.', {
				author: { id: BOT, username: 'ticket-bot', globalName: null, bot: true },
				member: null,
				embeds: [
					{
						title: 'Ticket #0001',
						description: 'Describe your problem',
						url: null,
						author: null,
						footer: { text: 'Quick question' },
						fields: [{ name: 'Order', value: '42' }],
						color: 0x5865f2
					}
				]
			});
			const question = seen(ticket.channelId!, 'Where is my parcel?', {
				attachments: new Map([
					[
						'777',
						{ id: '777', name: 'receipt.png', size: 2048, contentType: 'image/png', url: 'https://cdn.example/receipt.png' }
					]
				]),
				reference: { messageId: welcome.id }
			});
			archive.sent(welcome);
			archive.sent(question);
			// Seen again (a gateway resume replays it): still one row.
			archive.sent(question);
			archive.sent(seen(GENERAL, 'not a ticket'));
			archive.sent({ ...seen(ticket.channelId!, 'a DM'), guildId: null });
			await archive.settled(ticket.channelId!);
			await archive.settled(GENERAL);

			const stored = await rows(ticket.id);
			expect(stored.map((row) => row.messageId)).toEqual([welcome.id, question.id]);
			expect(stored[0]).toMatchObject({ authorBot: true, authorName: 'ticket-bot', authorUsername: 'ticket-bot' });
			expect(JSON.parse(stored[0]!.embeds)).toEqual([
				{
					title: 'Ticket #0001',
					description: 'Describe your problem',
					url: null,
					authorName: null,
					footer: 'Quick question',
					fields: [{ name: 'Order', value: '42' }],
					color: 0x5865f2
				}
			]);
			expect(stored[1]).toMatchObject({
				authorId: OPENER,
				authorName: 'Alice in Home',
				authorUsername: 'alice',
				authorBot: false,
				content: 'Where is my parcel?',
				replyToId: welcome.id,
				editedAt: null,
				deletedAt: null
			});
			expect(JSON.parse(stored[1]!.attachments)).toEqual([
				{ id: '777', name: 'receipt.png', size: 2048, contentType: 'image/png', url: 'https://cdn.example/receipt.png' }
			]);
			expect(await data.db.ticketMessage.count({ where: { messageId: { in: [welcome.id, question.id] } } })).toBe(2);
			expect(logged).toEqual([]);
		});

		it('keeps the last text of an edited message and when it was edited; an unseen one is fetched and stored', async () => {
			const ticket = await openTicket();
			const sent = seen(ticket.channelId!, 'My order #123');
			archive.sent(sent);
			const editedAt = new Date(sent.createdAt.getTime() + 60_000);
			// Queued right behind the message it edits: it never lands first.
			archive.edited({ ...sent, content: 'My order #124, sorry', editedAt, member: { displayName: 'Renamed later' } });
			const unseen = seen(ticket.channelId!, 'sent before the restart', { editedAt });
			archive.edited({
				partial: true,
				id: unseen.id,
				channelId: unseen.channelId,
				guildId: GUILD,
				fetch: async () => unseen
			});
			archive.edited({ ...seen(GENERAL, 'elsewhere'), editedAt });
			await archive.settled(ticket.channelId!);

			const stored = await rows(ticket.id);
			expect(stored.map((row) => [row.content, row.editedAt?.getTime() ?? null])).toEqual([
				['My order #124, sorry', editedAt.getTime()],
				['sent before the restart', editedAt.getTime()]
			]);
			// The name stays as it was when the message was sent.
			expect(stored[0]!.authorName).toBe('Alice in Home');
			expect(stored[0]!.createdAt.getTime()).toBe(sent.createdAt.getTime());
		});

		it('marks deleted messages, one or in bulk, and keeps them', async () => {
			const ticket = await openTicket();
			const messages = [seen(ticket.channelId!, 'one'), seen(ticket.channelId!, 'two'), seen(ticket.channelId!, 'three')];
			for (const message of messages) archive.sent(message);
			archive.deleted(GUILD, ticket.channelId!, [messages[0]!.id]);
			archive.deleted(GUILD, ticket.channelId!, [messages[1]!.id, messages[2]!.id, snowflake()]);
			// Deleted twice (a replay): the first time stands.
			await archive.settled(ticket.channelId!);
			const first = (await rows(ticket.id))[0]!.deletedAt!;
			archive.deleted(GUILD, ticket.channelId!, [messages[0]!.id]);
			await archive.settled(ticket.channelId!);

			const stored = await rows(ticket.id);
			expect(stored.map((row) => row.content)).toEqual(['one', 'two', 'three']);
			expect(stored.every((row) => row.deletedAt instanceof Date)).toBe(true);
			expect(stored[0]!.deletedAt!.getTime()).toBe(first.getTime());
		});

		it('reads a ticket’s history in order once the writes already queued are done', async () => {
			const ticket = await openTicket();
			const older = seen(ticket.channelId!, 'first');
			const newer = seen(ticket.channelId!, 'second', { createdAt: older.createdAt });
			archive.sent(newer);
			archive.sent(older);
			archive.edited({ ...older, content: 'first, edited', editedAt: new Date() });
			archive.deleted(GUILD, ticket.channelId!, [newer.id]);
			// No wait: history() waits for the channel's writes itself.
			const history = await archive.history(data, ticket);
			expect(history.messages.map((message) => [message.content, message.editedAt !== null, message.deletedAt !== null])).toEqual(
				[
					['first, edited', true, false],
					['second', false, true]
				]
			);
			expect(work.size).toBe(0);
		});

		it('says whether the archive holds a ticket from its opening', async () => {
			const oldest = await data.db.ticketMessage.findFirst({ orderBy: { createdAt: 'asc' } });
			const before = await openTicket(new Date(oldest!.createdAt.getTime() - 3_600_000));
			archive.sent(seen(before.channelId!, 'written after the archive began'));
			expect(await archive.history(data, before)).toMatchObject({ complete: false });
			const after = await openTicket();
			archive.sent(seen(after.channelId!, 'hello'));
			expect(await archive.history(data, after)).toMatchObject({ complete: true });
			expect(await archive.history(data, await openTicket())).toEqual({ messages: [], complete: false });
		});

		it('stores a message once when two processes see it at the same moment (a rolling restart)', async () => {
			const ticket = await openTicket();
			const second = new MessageArchive({ db: store, cache, work, logger, discord: () => fakeClient });
			const messages = Array.from({ length: 20 }, (_, index) => seen(ticket.channelId!, `twice ${index}`));
			const editedAt = new Date();
			for (const message of messages) {
				archive.sent(message);
				second.sent(message);
			}
			for (const message of messages) {
				second.edited({ ...message, content: `${message.content}, edited`, editedAt });
				archive.edited({ ...message, content: `${message.content}, edited`, editedAt });
			}
			await Promise.all([archive.settled(ticket.channelId!), second.settled(ticket.channelId!)]);
			expect(logged).toEqual([]);
			expect((await rows(ticket.id)).map((row) => row.content)).toEqual(messages.map((message) => `${message.content}, edited`));
		});

		it('logs a write that fails and goes on with the next', async () => {
			const ticket = await openTicket();
			// The cache names a ticket that does not exist: the row cannot be written.
			const stale = snowflake();
			await rememberTicketChannel(cache, stale, 987_654);
			archive.sent(seen(stale, 'lost'));
			archive.sent(seen(ticket.channelId!, 'kept'));
			await archive.settled(stale);
			await archive.settled(ticket.channelId!);
			expect(logged.map((entry) => entry.message)).toEqual(['Could not archive a ticket message']);
			expect(logged[0]!.fields).toMatchObject({ guildId: GUILD, channelId: stale });
			expect((await rows(ticket.id)).map((row) => row.content)).toEqual(['kept']);
			expect(work.size).toBe(0);
		});

		it('keeps guilds apart: the same message ID in another guild is another row, and never in this guild’s history', async () => {
			const ticket = await openTicket();
			const mine = seen(ticket.channelId!, 'mine');
			archive.sent(mine);
			// Another guild's ticket channel, with a message under the same ID.
			const otherData = store.forGuild(OTHER_GUILD);
			const otherChannel = snowflake();
			const other = await otherData.db.ticket.create({
				data: { guildId: OTHER_GUILD, number: 1, openerId: OPENER, ownerId: OPENER, channelId: otherChannel }
			});
			await rememberTicketChannel(cache, otherChannel, other.id);
			archive.sent({ ...mine, channelId: otherChannel, guildId: OTHER_GUILD, content: 'theirs' });
			await archive.settled(otherChannel);
			expect((await archive.history(data, ticket)).messages.map((message) => message.content)).toEqual(['mine']);
			expect((await archive.history(otherData, other)).messages.map((message) => message.content)).toEqual(['theirs']);
		});

		it('at start-up stores what was sent in open tickets while the bot was away, page after page', async () => {
			await data.db.ticket.updateMany({ data: { status: 'closed', transcriptHtmlPath: '/done.html' } });
			const ticket = await openTicket();
			const last = seen(ticket.channelId!, 'before the restart');
			archive.sent(last);
			await archive.settled(ticket.channelId!);
			const missed = Array.from({ length: 150 }, (_, index) => seen(ticket.channelId!, `while away ${index}`));
			discordHistory.set(ticket.channelId!, [last, ...missed]);
			// A ticket without any stored message is left to its transcript's fallback (Discord's history).
			const untouched = await openTicket();
			discordHistory.set(untouched.channelId!, [seen(untouched.channelId!, 'never stored')]);

			expect(await archive.catchUp([GUILD])).toBe(150);
			expect(fetches).toEqual([
				{ channelId: ticket.channelId, after: last.id },
				{ channelId: ticket.channelId, after: missed[99]!.id }
			]);
			const history = await archive.history(data, ticket);
			expect(history.messages.map((message) => message.content)).toEqual([
				last.content,
				...missed.map((message) => message.content)
			]);
			expect(await rows(untouched.id)).toEqual([]);
		});
	});
}
