import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { DataStore } from '../../src/lib/database/guildData.js';
import { SEARCH_LIMIT, searchWords } from '../../src/lib/database/ticketSearch.js';
import { testDatabases } from '../helpers/databases.js';
import { migratedStore } from '../helpers/store.js';

const GUILD = '900000000000000001';
const OTHER_GUILD = '900000000000000002';
const OPENER = '900000000000000011';
const OTHER_MEMBER = '900000000000000012';

describe('search words', () => {
	it('keeps letters and digits only, lower case, each word once, at most eight', () => {
		expect(searchWords('  Refund "OR" *card* & (ORDER-42) | !x  ')).toEqual(['refund', 'or', 'card', 'order', '42', 'x']);
		expect(searchWords('Ärger über Zahlung')).toEqual(['ärger', 'über', 'zahlung']);
		expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
		expect(searchWords('"*:&|!()')).toEqual([]);
		expect(searchWords('🎫 ticket')).toEqual(['ticket']);
	});
});

describe.each(testDatabases())('ticket search ($provider)', (database) => {
	let handle: DatabaseHandle;
	let store: DataStore;
	let number = 0;
	let messageId = 1_400_000_000_000_000_000n;

	async function ticket(guildId: string, answersText = '', openerId = OPENER) {
		return store.forGuild(guildId).db.ticket.create({
			data: { guildId, number: ++number, openerId, ownerId: openerId, answersText }
		});
	}

	async function message(guildId: string, ticketId: number, content: string) {
		return store.forGuild(guildId).db.ticketMessage.create({
			data: {
				guildId,
				ticketId,
				messageId: String(messageId++),
				authorId: OPENER,
				authorName: 'Alice',
				authorUsername: 'alice',
				content,
				createdAt: new Date()
			}
		});
	}

	const matches = (text: string, guildId = GUILD, memberId?: string) => store.forGuild(guildId).searchTickets(text, memberId);
	const search = async (text: string, guildId = GUILD, memberId?: string) => (await matches(text, guildId, memberId)).ids;

	beforeAll(async () => {
		({ handle, store } = await migratedStore(database));
	});

	afterAll(async () => {
		await handle?.close();
		await database.cleanup();
	});

	it('finds a ticket by a word of its messages or answers, whatever the case, and a word by its start', async () => {
		const billing = await ticket(GUILD, 'Order 4417\nCharged twice');
		const login = await ticket(GUILD);
		await message(GUILD, login.id, 'I cannot log in since the Update');
		await message(GUILD, billing.id, 'Please refund the second payment');

		expect(await search('update')).toEqual([login.id]);
		expect(await search('CHARGED')).toEqual([billing.id]);
		expect(await search('refun')).toEqual([billing.id]);
		expect(await search('4417')).toEqual([billing.id]);
		expect(await search('nothing-like-this')).toEqual([]);
	});

	it('needs every word in one message, or in the answers', async () => {
		const both = await ticket(GUILD, 'Router model X9');
		await message(GUILD, both.id, 'the wifi drops every hour');
		const one = await ticket(GUILD);
		await message(GUILD, one.id, 'the wifi is fine');

		expect(await search('wifi hour')).toEqual([both.id]);
		expect(await search('wifi')).toEqual([one.id, both.id]);
		expect(await search('router hour')).toEqual([]);
	});

	it('reads only a member’s own tickets when one is named (opened or owned)', async () => {
		const theirs = await ticket(GUILD, 'kumquat', OTHER_MEMBER);
		const handedOver = await ticket(GUILD, 'kumquat');
		await store.forGuild(GUILD).db.ticket.update({ where: { id: handedOver.id }, data: { ownerId: OTHER_MEMBER } });
		await ticket(GUILD, 'kumquat');
		expect(await search('kumquat', GUILD, OTHER_MEMBER)).toEqual([handedOver.id, theirs.id]);
		expect(await search('kumquat', GUILD)).toHaveLength(3);
	});

	it('never finds another guild’s tickets', async () => {
		const elsewhere = await ticket(OTHER_GUILD, 'zebracorn');
		await message(OTHER_GUILD, elsewhere.id, 'zebracorn again');
		expect(await search('zebracorn')).toEqual([]);
		expect(await search('zebracorn', OTHER_GUILD)).toEqual([elsewhere.id]);
	});

	it('follows edits and deletions of the archive and of the answers', async () => {
		const row = await ticket(GUILD, 'pineapple');
		const sent = await message(GUILD, row.id, 'typo in this mesage');
		expect(await search('mesage')).toEqual([row.id]);

		await store.forGuild(GUILD).db.ticketMessage.update({ where: { id: sent.id }, data: { content: 'typo in this message' } });
		expect(await search('mesage')).toEqual([]);
		expect(await search('typo message')).toEqual([row.id]);

		await store.forGuild(GUILD).db.ticket.update({ where: { id: row.id }, data: { answersText: '' } });
		expect(await search('pineapple')).toEqual([]);

		await store.forGuild(GUILD).db.ticketMessage.deleteMany({ where: { ticketId: row.id } });
		expect(await search('typo')).toEqual([]);
	});

	it('treats what either search language would read as an operator as plain text', async () => {
		const row = await ticket(GUILD);
		await message(GUILD, row.id, 'error code: NEAR(a b) OR x & y | !z');
		for (const text of ['"', '*', 'NEAR(a b)', 'x & y', '!z', "' OR 1=1 --", 'code:', '(((']) {
			await expect(search(text), text).resolves.toBeInstanceOf(Array);
		}
		expect(await search('NEAR(a b)')).toEqual([row.id]);
	});

	it(`reads the newest ${SEARCH_LIMIT} matches at most`, async () => {
		const data = store.forGuild(GUILD);
		await data.db.ticket.createMany({
			data: Array.from({ length: SEARCH_LIMIT + 5 }, () => ({
				guildId: GUILD,
				number: ++number,
				openerId: OPENER,
				ownerId: OPENER,
				answersText: 'bulk'
			}))
		});
		const found = await matches('bulk');
		expect(found.ids).toHaveLength(SEARCH_LIMIT);
		expect(found.capped).toBe(true);
		const newest = await data.db.ticket.findFirstOrThrow({ orderBy: { id: 'desc' } });
		expect(found.ids[0]).toBe(newest.id);
		expect((await matches('kumquat')).capped).toBe(false);
	});

	it(`lists the newest ${SEARCH_LIMIT} whether the messages or the answers hold the words`, async () => {
		const data = store.forGuild(GUILD);
		const older = await ticket(GUILD, 'narwhal');
		const first = number;
		await data.db.ticket.createMany({
			data: Array.from({ length: SEARCH_LIMIT }, () => ({ guildId: GUILD, number: ++number, openerId: OPENER, ownerId: OPENER }))
		});
		const busy = await data.db.ticket.findMany({ where: { number: { gt: first } }, select: { id: true } });
		await data.db.ticketMessage.createMany({
			data: busy.flatMap((row) =>
				[1, 2].map(() => ({
					guildId: GUILD,
					ticketId: row.id,
					messageId: String(messageId++),
					authorId: OPENER,
					authorName: 'Alice',
					authorUsername: 'alice',
					content: 'narwhal sighted',
					createdAt: new Date()
				}))
			)
		});
		const newer = await ticket(GUILD, 'narwhal');
		const found = await matches('narwhal');
		expect(found.capped).toBe(true);
		expect(found.ids).toHaveLength(SEARCH_LIMIT);
		expect(found.ids[0]).toBe(newer.id);
		expect(found.ids).not.toContain(older.id);
		expect(new Set(found.ids).size).toBe(SEARCH_LIMIT);
		expect(await matches('narwhal', GUILD, OTHER_MEMBER)).toEqual({ ids: [], capped: false });
	});
});
