import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type TestBot } from '../harness/bot.js';
import { PROBE_PIECES } from '../harness/paths.js';
import { TestDiscord, type GuildFixture } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const [sqlite] = testDatabases();

describe('the bot against a Discord that fails, limits and restarts', () => {
	let discord: TestDiscord;
	let home: GuildFixture;
	let databaseUrl: string;
	let bot: TestBot | undefined;

	beforeAll(async () => {
		databaseUrl = await sqlite!.create();
	});

	afterEach(async () => {
		await bot?.kill();
		bot = undefined;
		await discord?.stop();
	});

	afterAll(() => sqlite!.cleanup());

	async function boot() {
		discord = await TestDiscord.start();
		home = discord.createGuild('Home');
		bot = startBot(discord.emulator, { databaseUrl, piecePaths: [PROBE_PIECES] });
		await bot.ready;
	}

	it('keeps working after a restart, without registering its commands again', async () => {
		await boot();
		expect((await home.alice.slash(home.general, ['probe', 'echo'], { text: 'before' })).content).toBe('echo: before');
		expect(await bot!.stop()).toBe(0);
		await discord.waitFor(() => discord.emulator.gateway.connectedSessions() === 0, 'the old session to disconnect');

		const since = Date.now();
		bot = startBot(discord.emulator, { databaseUrl, piecePaths: [PROBE_PIECES] });
		await bot.ready;
		expect((await home.alice.slash(home.general, ['probe', 'echo'], { text: 'after' })).content).toBe('echo: after');
		const writes = discord.emulator.calls.filter(
			(call) => call.at >= since && call.route.includes('/commands') && call.method !== 'GET'
		);
		expect(writes).toEqual([]);
	});

	it('waits out an injected 429 before calling that bucket again', async () => {
		await boot();
		discord.emulator.limits.injectRateLimit({ method: 'POST', route: '/channels/:channelId/messages' }, { retryAfterMs: 1_500 });
		const reply = await home.alice.command(home.general, '!probe echo patience');
		expect(reply.content).toBe('echo: patience');
		const calls = discord.emulator.callsTo('POST', '/channels/:channelId/messages');
		const limited = calls.find((call) => call.status === 429)!;
		const after = calls.filter((call) => call.bucket === limited.bucket && call.at > limited.at);
		expect(after.length).toBeGreaterThan(0);
		// Nothing reached the bucket before its reset (a few ms of timer slack allowed).
		expect(after[0]!.at - limited.at).toBeGreaterThanOrEqual(1_450);
		expect(discord.emulator.invalidRequestCount()).toBe(1);
	});

	it('resumes after the gateway closes with 4000, without a second READY', async () => {
		await boot();
		expect(discord.emulator.gateway.readyCount).toBe(1);
		discord.emulator.gateway.closeAll(4000, 'Unknown error');
		await discord.waitFor(() => discord.emulator.gateway.log.some((entry) => entry.t === 'RESUMED'), 'RESUMED', 15_000);
		expect(discord.emulator.gateway.readyCount).toBe(1);
		expect((await home.alice.slash(home.general, ['probe', 'echo'], { text: 'resumed' })).content).toBe('echo: resumed');
	});

	it('identifies again when Discord refuses to resume the session', async () => {
		await boot();
		discord.emulator.gateway.closeAll(4000, 'Unknown error');
		discord.emulator.gateway.invalidateSessions();
		await discord.waitFor(() => discord.emulator.gateway.readyCount === 2, 'a second READY', 15_000);
		expect(discord.emulator.gateway.log.some((entry) => entry.t === 'RESUMED')).toBe(false);
		expect((await home.alice.slash(home.general, ['probe', 'echo'], { text: 'again' })).content).toBe('echo: again');
	});

	it('answers a Discord 500 on its reply by not crashing, and keeps serving', async () => {
		await boot();
		discord.emulator.limits.injectServerError(
			{ method: 'POST', route: '/channels/:channelId/messages' },
			{ status: 500, count: 5 }
		);
		home.alice.say(home.general, '!probe echo lost');
		await discord.waitFor(() => discord.emulator.calls.filter((call) => call.status === 500).length >= 1, 'the failed reply');
		discord.emulator.limits.clearFaults();
		const reply = await home.alice.command(home.general, '!probe echo still here');
		expect(reply.content).toBe('echo: still here');
		expect(bot!.process.exitCode).toBeNull();
	});
});
