import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyAttachments, linkedToCopies } from '../../src/lib/transcripts/attachmentCopies.js';
import type { TranscriptMessage } from '../../src/lib/transcripts/model.js';

/** A CDN on loopback: /<bytes>/<name> answers that many bytes; /gone/… answers 404; /liar/… claims less than it sends. */
let server: Server;
let host: string;
const folders: string[] = [];

beforeAll(async () => {
	server = createServer((request, response) => {
		const [, what] = (request.url ?? '').split('/');
		if (what === 'gone') return void response.writeHead(404).end();
		if (what === 'liar') return void response.writeHead(200).end(Buffer.alloc(5000, 1));
		const bytes = Number.parseInt(what ?? '', 10);
		if (!(bytes >= 0)) return void response.writeHead(400).end();
		response.writeHead(200, { 'content-length': bytes }).end(Buffer.alloc(bytes, 7));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const message = (id: string, ...attachments: { url: string; name: string; size: number }[]): TranscriptMessage => ({
	id,
	author: { id: '1', name: 'Alice', username: 'alice', bot: false, avatarUrl: null },
	createdAt: new Date(),
	editedAt: null,
	content: '',
	embeds: [],
	attachments: attachments.map((attachment) => ({ ...attachment, contentType: null })),
	replyToId: null
});

describe('attachment copies', () => {
	const logged: string[] = [];
	const copy = (messages: TranscriptMessage[], budgetBytes: number) => {
		const folder = mkdtempSync(join(tmpdir(), 'copies-'));
		folders.push(folder);
		return copyAttachments(folder, messages, { budgetBytes, hosts: [host], log: { warn: (text) => logged.push(text) } }).then(
			(copies) => ({ folder, copies })
		);
	};

	it('copies oldest first while they fit the budget, and skips what does not', async () => {
		const url = (bytes: number, name: string) => `http://${host}/${bytes}/${encodeURIComponent(name)}`;
		const { folder, copies } = await copy(
			[
				message('10', { url: url(400, 'a.png'), name: 'a.png', size: 400 }),
				message('11', { url: url(700, 'big.zip'), name: 'big.zip', size: 700 }),
				message('12', { url: url(500, '../../evil name.txt'), name: '../../evil name.txt', size: 500 })
			],
			1000
		);
		expect([...copies.values()]).toEqual(['attachments/1-a.png', 'attachments/3-__.._evil_name.txt']);
		expect(readdirSync(join(folder, 'attachments')).sort()).toEqual(['1-a.png', '3-__.._evil_name.txt', 'index.json']);
		expect(readFileSync(join(folder, 'attachments', '1-a.png'))).toHaveLength(400);
		expect(JSON.parse(readFileSync(join(folder, 'attachments', 'index.json'), 'utf8'))).toEqual([
			{ url: url(400, 'a.png'), file: '1-a.png', messageId: '10' },
			{ url: url(500, '../../evil name.txt'), file: '3-__.._evil_name.txt', messageId: '12' }
		]);
		const linked = linkedToCopies([message('10', { url: url(400, 'a.png'), name: 'a.png', size: 400 })], copies);
		expect(linked[0]!.attachments[0]!.url).toBe('attachments/1-a.png');
	});

	it('downloads from Discord’s hosts only, keeps the link of one that is gone, and stops a body past the budget', async () => {
		const { copies } = await copy(
			[
				message('20', { url: 'http://169.254.169.254/latest/meta-data', name: 'x', size: 1 }),
				message('21', { url: 'file:///etc/passwd', name: 'passwd', size: 1 }),
				message('22', { url: `http://${host}/gone/file.txt`, name: 'file.txt', size: 10 }),
				message('23', { url: `http://${host}/liar/small.txt`, name: 'small.txt', size: 10 })
			],
			1000
		);
		expect(copies.size).toBe(0);
		expect(logged.some((text) => text.includes('could not be copied'))).toBe(true);
	});

	it('copies nothing with a budget of 0', async () => {
		const { copies, folder } = await copy([message('30', { url: `http://${host}/10/a.txt`, name: 'a.txt', size: 10 })], 0);
		expect(copies.size).toBe(0);
		expect(readdirSync(folder)).toEqual([]);
	});
});
