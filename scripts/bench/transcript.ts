// npm run bench transcript [-- --messages 1000,10000]: how long a transcript of N messages takes and
// how much memory it needs, two ways:
// 1. the renderers and the file store alone, in this process: time per format, file sizes, peak memory,
//    and the longest event-loop stall (a stall is time the bot could not answer anything else);
// 2. the real bot against the emulator (SQLite): a ticket with N archived messages is closed; time until
//    the transcript is posted, the bot's peak RSS, and how fast the bot answered other members meanwhile.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { renderHtml } from '../../src/lib/transcripts/html.js';
import { transcriptLabels } from '../../src/lib/transcripts/labels.js';
import type { TranscriptInput, TranscriptMessage } from '../../src/lib/transcripts/model.js';
import { TranscriptStore } from '../../src/lib/transcripts/store.js';
import { renderTxt } from '../../src/lib/transcripts/txt.js';
import { connectDatabase } from '../../src/lib/database/client.js';
import { startBot } from '../../test/harness/bot.js';
import { TestDiscord } from '../../test/harness/TestDiscord.js';
import { createI18n } from '../../test/helpers/i18n.js';
import { checkedTranslator } from '../../src/lib/i18n/notice.js';

const { values } = parseArgs({ args: process.argv.slice(2), options: { messages: { type: 'string', default: '1000,10000' } } });
const SIZES = values.messages.split(',').map(Number);
const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const LOREM =
	'Thanks for waiting, I checked the order and the carrier says it is **on its way**. See https://example.com/track?id=42';

function syntheticMessage(index: number): TranscriptMessage {
	const staff = index % 3 === 0;
	return {
		id: String(1_300_000_000_000_000_000n + BigInt(index)),
		author: {
			id: staff ? '200000000000000001' : '200000000000000002',
			name: staff ? 'Sam' : 'Alice',
			username: staff ? 'sam' : 'alice',
			bot: false,
			avatarUrl: null
		},
		createdAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000),
		editedAt: index % 17 === 0 ? new Date(Date.UTC(2026, 0, 1) + index * 60_000 + 5_000) : null,
		content: `${index}: ${LOREM.slice(0, 20 + (index % 100))} <tag> & "quotes"`,
		embeds:
			index % 50 === 0
				? [
						{
							title: 'Order',
							description: 'Shipped',
							url: null,
							authorName: null,
							footer: 'Shop',
							fields: [{ name: 'Carrier', value: 'DHL' }],
							color: 0x5865f2
						}
					]
				: [],
		attachments:
			index % 40 === 0
				? [{ name: `photo-${index}.png`, url: `https://cdn.example/${index}.png`, size: 123_456, contentType: 'image/png' }]
				: [],
		replyToId: null
	};
}

/** Runs fn while sampling memory and the event loop; returns its result, the time it took and the peaks. */
async function measured<T>(fn: () => Promise<T>) {
	const loop = monitorEventLoopDelay({ resolution: 5 });
	let peakRss = process.memoryUsage().rss;
	let peakHeap = process.memoryUsage().heapUsed;
	const sampler = setInterval(() => {
		const usage = process.memoryUsage();
		peakRss = Math.max(peakRss, usage.rss);
		peakHeap = Math.max(peakHeap, usage.heapUsed);
	}, 5);
	loop.enable();
	const started = performance.now();
	const result = await fn();
	const ms = performance.now() - started;
	loop.disable();
	clearInterval(sampler);
	return { result, ms, peakRss, peakHeap, stallMs: loop.max / 1e6 };
}

async function inProcess(size: number): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'bench-transcript-'));
	try {
		const input: TranscriptInput = {
			header: {
				guildName: 'Bench',
				guildId: '100000000000000001',
				ticketNumber: 1,
				channelName: 'ticket-0001',
				categoryName: 'General',
				opener: 'Alice',
				claimer: 'Sam',
				status: 'closed',
				priority: 'normal',
				tags: [],
				openedAt: new Date(Date.UTC(2026, 0, 1)),
				closedAt: new Date(),
				closeReason: 'done',
				generatedAt: new Date()
			},
			messages: Array.from({ length: size }, (_, index) => syntheticMessage(index)),
			notes: [{ authorName: 'Sam', createdAt: new Date(), content: 'note' }],
			anonymousUserId: null,
			labels: transcriptLabels(checkedTranslator((await createI18n()).getFixedT('en-US')))
		};
		global.gc?.();
		const html = await measured(() => renderHtml(input));
		const txt = await measured(() => renderTxt(input));
		const store = new TranscriptStore(folder);
		const saved = await measured(() => store.save('100000000000000001', 1, 1, { html: html.result, txt: txt.result }));
		const bytes = async (path: string) => (await readFile(path)).length;
		console.log(`\n${size} messages, renderers and file store in one process`);
		console.log(
			`  HTML: ${html.ms.toFixed(0)} ms, ${MiB(await bytes(saved.result.htmlPath))}, longest event-loop stall ${html.stallMs.toFixed(1)} ms`
		);
		console.log(
			`  TXT:  ${txt.ms.toFixed(0)} ms, ${MiB(await bytes(saved.result.txtPath))}, longest event-loop stall ${txt.stallMs.toFixed(1)} ms`
		);
		console.log(`  atomic save of both: ${saved.ms.toFixed(0)} ms`);
		console.log(
			`  peak RSS ${MiB(Math.max(html.peakRss, txt.peakRss, saved.peakRss))}, peak heap ${MiB(Math.max(html.peakHeap, txt.peakHeap))}`
		);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

async function throughTheBot(): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'bench-transcript-bot-'));
	const configPath = join(folder, 'config.yaml');
	writeFileSync(
		configPath,
		[
			'tickets: { maxOpenPerUser: 50, cooldownSeconds: 0, hourlyLimit: 1000 }',
			'categories:',
			'  - { key: quick, displayName: Quick question }',
			'storage:',
			`  transcriptsDir: ${JSON.stringify(join(folder, 'transcripts'))}`
		].join('\n')
	);
	const discord = await TestDiscord.start();
	const home = discord.createGuild('Bench');
	const databaseUrl = `file:${join(folder, 'bench.db')}`;
	const bot = startBot(discord.emulator, { databaseUrl, configPath });
	const db = await bot.ready.then(() => connectDatabase(databaseUrl));
	try {
		await home.admin.slash(home.general, ['admin', 'category_upsert'], {
			key: 'quick',
			display_name: 'Quick question',
			staff_roles: `<@&${home.roles.staff.id}>`
		});
		const transcripts = discord.world.createChannel(home.guild, { name: 'transcripts' });
		const logs = discord.world.createChannel(home.guild, { name: 'log' });
		await home.admin.slash(home.general, ['admin', 'set_channels'], { transcript_channel: transcripts.id, log_channel: logs.id });
		const open = async () => {
			const answer = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			return discord.state.channel(/<#(\d+)>/.exec(answer.content)![1]!);
		};
		const other = await open();
		for (const size of SIZES) {
			const channel = await open();
			// The history is put straight into the bot's message archive (as if written over days): no gateway event each.
			const ticket = await db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id } });
			const start = BigInt(discord.state.newId());
			const rows = Array.from({ length: size }, (_, index) => {
				const staff = index % 3 === 0;
				return {
					guildId: home.guild.id,
					ticketId: ticket.id,
					messageId: String(start + BigInt(index + 1)),
					authorId: staff ? home.staff.id : home.alice.id,
					authorName: staff ? 'staff' : 'alice',
					authorUsername: staff ? 'staff' : 'alice',
					content: `${index}: ${LOREM.slice(0, 20 + (index % 100))}`,
					createdAt: new Date()
				};
			});
			for (let from = 0; from < rows.length; from += 1_000)
				await db.prisma.ticketMessage.createMany({ data: rows.slice(from, from + 1_000) });
			const posted = discord.botMessages(transcripts).length;
			const closedAt = Date.now();
			await home.staff.slash(channel, ['ticket', 'close'], { reason: 'bench' });
			// Meanwhile other members keep using the bot: how fast are they answered?
			const latencies: number[] = [];
			let done = false;
			const load = (async () => {
				while (!done) {
					const interaction = discord.world.slash(home.staff.user, other, ['ticket', 'info']);
					await discord.answer(interaction, 60_000);
					latencies.push(interaction.respondedAt! - interaction.createdAt);
				}
			})();
			const post = await discord.waitFor(
				() => discord.botMessages(transcripts).length > posted && discord.botMessages(transcripts).at(-1),
				'the transcript post',
				600_000
			);
			done = true;
			await load;
			const elapsed = post.createdAt - closedAt;
			latencies.sort((a, b) => a - b);
			const status = await readFile(`/proc/${bot.process.pid}/status`, 'utf8');
			const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
			console.log(`\n${size} messages, through the bot (SQLite, emulator on loopback)`);
			console.log(`  close to transcript posted (reads ${size} archived messages, renders, saves, uploads): ${elapsed} ms`);
			console.log(
				`  meanwhile ${latencies.length} /ticket info answered: p50 ${latencies[Math.floor(latencies.length / 2)]} ms, max ${latencies.at(-1)} ms`
			);
			console.log(
				`  files posted: ${post.attachments.map((file) => `${file.filename} ${MiB(file.size)}`).join(', ') || 'none (too large)'}`
			);
			console.log(`  bot peak RSS so far: ${peak.toFixed(1)} MiB`);
		}
	} finally {
		await db.close();
		await bot.kill();
		await discord.stop();
		rmSync(folder, { recursive: true, force: true });
	}
}

for (const size of SIZES) await inProcess(size);
await throughTheBot();
