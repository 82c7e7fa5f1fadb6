import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/lib/transcripts/html.js';
import { transcriptLabels } from '../../src/lib/transcripts/labels.js';
import type { TranscriptInput, TranscriptLabels, TranscriptMessage } from '../../src/lib/transcripts/model.js';
import { renderTxt } from '../../src/lib/transcripts/txt.js';
import { createI18n } from '../helpers/i18n.js';
import { checkedTranslator } from '../../src/lib/i18n/notice.js';

const OPENER = '111111111111111111';
const STAFF = '222222222222222222';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 3, minute, 5));

function message(id: number, authorId: string, content: string, extra: Partial<TranscriptMessage> = {}): TranscriptMessage {
	return {
		id: String(1_000_000_000_000_000_000n + BigInt(id)),
		author: {
			id: authorId,
			name: authorId === OPENER ? 'Alice' : 'Sam',
			username: authorId === OPENER ? 'alice' : 'sam',
			bot: false,
			avatarUrl: 'https://cdn.example/avatar.png'
		},
		createdAt: at(id),
		editedAt: null,
		content,
		embeds: [],
		attachments: [],
		replyToId: null,
		...extra
	};
}

let english: TranscriptLabels;
let french: TranscriptLabels;
beforeAll(async () => {
	const i18n = await createI18n();
	english = transcriptLabels(checkedTranslator(i18n.getFixedT('en-US')));
	french = transcriptLabels(checkedTranslator(i18n.getFixedT('fr')));
});

function input(messages: TranscriptMessage[], extra: Partial<TranscriptInput> = {}): TranscriptInput {
	return {
		labels: english,
		header: {
			guildName: 'Support Hub',
			guildId: '333333333333333333',
			ticketNumber: 7,
			channelName: 'ticket-0007',
			categoryName: 'Billing',
			opener: 'Alice',
			claimer: 'Sam',
			status: 'closed',
			priority: 'high',
			tags: ['refund'],
			openedAt: at(0),
			closedAt: at(30),
			closeReason: 'Refunded',
			generatedAt: at(31)
		},
		messages,
		notes: [{ authorName: 'Sam', createdAt: at(10), content: 'Customer is a VIP' }],
		anonymousUserId: null,
		...extra
	};
}

const HOSTILE = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'[click](javascript:alert(1))',
	'javascript:alert(1)',
	'&lt;b&gt;bold&lt;/b&gt; &amp;',
	'" onmouseover="alert(1)',
	"' autofocus onfocus='alert(1)",
	'https://example.com/"><script>alert(2)</script>'
].join(' ');

/** Markup a browser would act on: a tag or attribute this file did not write itself. */
function activeMarkup(html: string): string[] {
	const found: string[] = [];
	for (const tag of html.match(/<[^>]*>/g) ?? []) {
		if (/^<\/?(script|img|iframe|object|embed|svg|math|link|base|form|input)\b/i.test(tag)) found.push(tag);
		if (/\son\w+\s*=/i.test(tag)) found.push(tag);
		if (/(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(tag)) found.push(tag);
		if (/\ssrc\s*=/i.test(tag)) found.push(tag);
	}
	return found;
}

describe('transcript renderers', () => {
	it('writes a TXT line per message with its embeds and attachments, the header first', async () => {
		const txt = await renderTxt(
			input([
				message(1, OPENER, 'My order never arrived\nIt was #123'),
				message(2, STAFF, 'Checking', {
					editedAt: at(3),
					embeds: [
						{
							title: 'Order',
							description: 'Shipped',
							url: null,
							authorName: null,
							footer: null,
							fields: [{ name: 'Carrier', value: 'DHL' }],
							color: 0x5865f2
						}
					],
					attachments: [{ name: 'label.pdf', url: 'https://cdn.example/label.pdf', size: 2048, contentType: 'application/pdf' }]
				})
			])
		);
		const lines = txt.split('\n');
		expect(lines[0]).toBe('Ticket #0007 · Support Hub (333333333333333333)');
		expect(txt).toContain('Opened by:  Alice');
		expect(txt).toContain('Tags:       refund');
		expect(txt).toContain('[2026-11-25 03:01:05 UTC] Alice (alice): My order never arrived\n    It was #123');
		expect(txt).toContain('[2026-11-25 03:02:05 UTC] Sam (sam) (edited): Checking');
		expect(txt).toContain('    [embed] Order — Shipped (fields: 1)\n      Carrier: DHL');
		expect(txt).toContain('    [attachment] label.pdf (2.0 KiB) https://cdn.example/label.pdf');
		expect(txt).toContain('Internal notes (staff only): 1\n[2026-11-25 03:10:05 UTC] Sam: Customer is a VIP');
	});

	it('marks a message that was deleted (the staff copy keeps them), as it marks an edited one', async () => {
		const copy = input([
			message(1, OPENER, 'Here is my card number 4111…', { editedAt: at(2), deletedAt: at(3) }),
			message(2, STAFF, 'Please never post that')
		]);
		const txt = await renderTxt(copy);
		expect(txt).toContain('[2026-11-25 03:01:05 UTC] Alice (alice) (edited) (deleted): Here is my card number 4111…');
		expect(txt).toContain('[2026-11-25 03:02:05 UTC] Sam (sam): Please never post that');
		const html = await renderHtml(copy);
		expect(html).toMatch(
			/<div class="message deleted" id="m\d+"><div class="content">Here is my card number 4111…<\/div><span class="muted">\(edited\)<\/span><span class="muted">\(deleted\)<\/span><\/div>/
		);
		expect(html).toMatch(/<div class="message" id="m\d+"><div class="content">Please never post that<\/div><\/div>/);
		expect(await renderTxt({ ...copy, labels: french })).toContain('(modifié) (supprimé)');
	});

	it('keeps the internal notes out of the opener’s copy', async () => {
		const openerCopy = input([message(1, OPENER, 'hello')], { notes: null });
		for (const file of [await renderTxt(openerCopy), await renderHtml(openerCopy)]) {
			expect(file).not.toContain('Customer is a VIP');
			expect(file).not.toContain('Internal notes');
		}
		const staffCopy = input([message(1, OPENER, 'hello')]);
		for (const file of [await renderTxt(staffCopy), await renderHtml(staffCopy)]) expect(file).toContain('Customer is a VIP');
	});

	it('never names the opener of an anonymous ticket', async () => {
		const anonymous = input([message(1, OPENER, 'I would rather stay unknown'), message(2, STAFF, 'Sure')], {
			anonymousUserId: OPENER,
			header: { ...input([]).header, opener: null }
		});
		for (const file of [await renderTxt(anonymous), await renderHtml(anonymous)]) {
			expect(file).not.toMatch(/Alice|alice/);
			expect(file).not.toContain(OPENER);
			expect(file).toContain('Anonymous');
			expect(file).toContain('Sam');
		}
	});

	it('names mentions and the message a reply answers, never the anonymous opener, and escapes the names', async () => {
		const ROLE = '444444444444444444';
		const CHANNEL = '555555555555555555';
		const UNKNOWN = '666666666666666666';
		const first = message(1, OPENER, 'My order <#' + CHANNEL + '> never came');
		const reply = message(2, STAFF, `<@${OPENER}> checking with <@&${ROLE}>, and <@!${UNKNOWN}>`, { replyToId: first.id });
		const orphan = message(3, STAFF, 'see above', { replyToId: '999' });
		const mentions = {
			users: new Map([[OPENER, 'Alice']]),
			roles: new Map([[ROLE, '<b>Billing</b> team']]),
			channels: new Map([[CHANNEL, 'orders']])
		};
		const named = input([first, reply, orphan], { mentions });
		const txt = await renderTxt(named);
		expect(txt).toContain(
			`Sam (sam): @Alice checking with @<b>Billing</b> team, and @${UNKNOWN}\n    [reply to Alice (alice) at 2026-11-25 03:01:05 UTC]`
		);
		expect(txt).toContain('Alice (alice): My order #orders never came');
		expect(txt).toContain('[reply to a message no longer in the channel]');
		const html = await renderHtml(named);
		expect(html).toContain('<span class="mention">@Alice</span>');
		expect(html).toContain('<span class="mention">@&lt;b&gt;Billing&lt;/b&gt; team</span>');
		expect(html).toContain('<span class="mention">#orders</span>');
		expect(html).toContain(`<a href="#m${first.id}">Alice (alice)</a> <span class="muted">My order #orders never came</span>`);
		expect(activeMarkup(html)).toEqual([]);

		const anonymous = input([first, reply], { mentions, anonymousUserId: OPENER, header: { ...input([]).header, opener: null } });
		for (const file of [await renderTxt(anonymous), await renderHtml(anonymous)]) {
			expect(file).not.toMatch(/Alice|alice/);
			expect(file).toContain('@Anonymous');
		}
	});

	it('speaks the guild’s language', async () => {
		const copy = input([message(1, OPENER, 'Bonjour'), message(2, STAFF, 'Oui ?', { editedAt: at(3) })], {
			labels: french,
			anonymousUserId: OPENER,
			header: { ...input([]).header, opener: null }
		});
		const txt = await renderTxt(copy);
		expect(txt).toMatch(/^Ouvert par: +anonyme$/m);
		expect(txt).toContain('Anonyme: Bonjour');
		expect(txt).toContain('Sam (sam) (modifié): Oui ?');
		expect(txt).toContain('Notes internes (équipe uniquement) : 1');
		const html = await renderHtml(copy);
		expect(html).toContain('<html lang="fr">');
		expect(html).toContain('<dt>Ouvert par</dt><dd>anonyme</dd>');
	});

	it('escapes everything users wrote, wherever it appears in the HTML', async () => {
		const hostile = input(
			[
				{
					...message(1, OPENER, HOSTILE, {
						embeds: [
							{
								title: HOSTILE,
								description: HOSTILE,
								url: 'javascript:alert(1)',
								authorName: HOSTILE,
								footer: HOSTILE,
								fields: [{ name: HOSTILE, value: HOSTILE }],
								color: 0xff0000
							}
						],
						attachments: [{ name: HOSTILE, url: 'javascript:alert(1)', size: 10, contentType: null }]
					}),
					author: { id: OPENER, name: HOSTILE, username: HOSTILE, bot: false, avatarUrl: 'javascript:alert(1)' }
				}
			],
			{
				header: {
					...input([]).header,
					guildName: HOSTILE,
					channelName: HOSTILE,
					categoryName: HOSTILE,
					opener: HOSTILE,
					claimer: HOSTILE,
					tags: [HOSTILE],
					closeReason: HOSTILE
				},
				notes: [{ authorName: HOSTILE, createdAt: at(1), content: HOSTILE }]
			}
		);
		const html = await renderHtml(hostile);
		expect(activeMarkup(html)).toEqual([]);
		expect(html).not.toMatch(/<script/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		// Entities users typed stay text: &lt; shows as "&lt;", not as "<".
		expect(html).toContain('&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; &amp;amp;');
		expect(html).toContain('&quot; onmouseover=&quot;alert(1)');
		// The only links are web links, with their quotes escaped.
		for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="https?:\/\//);
		expect(html).toContain(
			'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">'
		);
		expect(html).not.toMatch(/<link|@import|url\(/i);
	});

	it('renders Discord markdown with its own tags only', async () => {
		const html = await renderHtml(
			input([
				message(
					1,
					STAFF,
					'**bold** *it* __under__ ~~gone~~ `x<y` <@123456789012345678> see https://example.com/a?b=1&c=2\n> quoted\n```js\nconst a = "<b>";\n```'
				)
			])
		);
		expect(html).toContain('<strong>bold</strong> <em>it</em> <u>under</u> <s>gone</s> <code>x&lt;y</code>');
		expect(html).toContain('<span class="mention">@123456789012345678</span>');
		expect(html).toContain('href="https://example.com/a?b=1&amp;c=2"');
		expect(html).toContain('<blockquote>quoted</blockquote>');
		expect(html).toContain('<pre>const a = &quot;&lt;b&gt;&quot;;\n</pre>');
	});

	it('groups consecutive messages of one author and yields to the event loop on long tickets', async () => {
		const many = Array.from({ length: 2_000 }, (_, index) =>
			message(index, index % 3 === 0 ? OPENER : STAFF, `message ${index}`)
		);
		let ticks = 0;
		const timer = setInterval(() => ticks++, 0);
		const [html, txt] = await Promise.all([renderHtml(input(many)), renderTxt(input(many))]);
		clearInterval(timer);
		expect(ticks).toBeGreaterThan(0);
		expect(html.match(/class="message"/g)).toHaveLength(2_000);
		expect(txt.split('\n').filter((line) => line.startsWith('[2026-')).length).toBe(2_000 + 1);
		const grouped = await renderHtml(input([message(1, STAFF, 'a'), message(2, STAFF, 'b'), message(3, OPENER, 'c')]));
		expect(grouped.match(/class="group"/g)).toHaveLength(2);
	});
});
