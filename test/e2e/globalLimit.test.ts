import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestCall } from '../emulator/Emulator.js';
import type { EMessage } from '../emulator/state.js';
import { startScenario, type Scenario } from '../harness/scenario.js';
import { REDIS_URL, testDatabases } from '../helpers/databases.js';

// Discord caps the requests of one bot token per second, whichever process sends them. The bot's
// processes share one sliding window for that cap: in the cache, so in Redis across processes.

const CAP = 6;
const MEMBERS = 16;
const CONFIG = [
	'tickets: { maxOpenPerUser: 5, cooldownSeconds: 0, hourlyLimit: 1000 }',
	'categories:',
	'  - { key: quick, displayName: Quick question }'
].join('\n');

const modes = [
	{ name: 'one process, no Redis', redisUrl: undefined, processes: 1, skip: false },
	{ name: 'two processes sharing Redis', redisUrl: REDIS_URL, processes: 2, skip: !REDIS_URL }
];

/** The most calls made with the bot token within any span of spanMs. */
function busiest(calls: RestCall[], spanMs: number): number {
	const times = calls.filter((call) => call.authenticated).map((call) => call.at);
	return Math.max(0, ...times.map((start) => times.filter((at) => at >= start && at - start < spanMs).length));
}

for (const database of testDatabases()) {
	for (const mode of modes) {
		describe.skipIf(mode.skip)(`Discord's global request cap (${database.provider}, ${mode.name})`, () => {
			let scenario: Scenario;
			let panel: EMessage;

			beforeAll(async () => {
				scenario = await startScenario(database, {
					config: CONFIG,
					guildName: 'Busy Guild',
					redisUrl: mode.redisUrl,
					redisPrefix: mode.redisUrl ? `test-${randomBytes(4).toString('hex')}` : undefined,
					emulator: { interactionDelivery: 'one' },
					botEnv: () => ({ DISCORD_REQUESTS_PER_SECOND: String(CAP) })
				});
				if (mode.processes === 2) await scenario.addBot().ready;
				const { discord, home } = scenario;
				await discord.waitFor(
					() => discord.emulator.gateway.connectedSessions() === mode.processes,
					'every bot connected',
					30_000
				);
				panel = await discord.postPanel(home, 'busy', 'Busy');
			}, 120_000);

			afterAll(() => scenario?.stop());

			it(`opens ${MEMBERS} tickets at once without more than ${CAP} bot requests in any half second`, async () => {
				const { discord, home } = scenario;
				const members = Array.from({ length: MEMBERS }, (_, index) => discord.join(home.guild, `member-${index}`));
				const since = discord.emulator.calls.length;
				const interactions = members.map((member) => discord.world.click(member.user, panel, 'Open a ticket'));
				const answers = await Promise.all(interactions.map((interaction) => discord.answer(interaction, 60_000)));
				expect(answers.filter((answer) => /^Your ticket #\d+ is open/.test(answer.content))).toHaveLength(MEMBERS);
				for (const answer of answers) {
					const channel = discord.state.channel(/<#(\d+)>/.exec(answer.content)![1]!);
					await discord.message(channel, (message) => message.authorId === discord.emulator.botId, 'the welcome message', 60_000);
				}

				const calls = discord.emulator.calls.slice(since);
				// Every ticket took its channel and its welcome message: all under the cap, and none refused.
				expect(calls.filter((call) => call.authenticated).length).toBeGreaterThanOrEqual(2 * MEMBERS);
				expect(calls.filter((call) => call.status === 429)).toEqual([]);
				// Unshared, each of two processes would spend the whole cap at once (9 to 12 calls in the first
				// half second). With one process discord.js's own limiter keeps this measure too; that mode shows
				// the window works on the in-memory cache (the sliding itself is tested in globalRateLimit.test.ts).
				expect(busiest(calls, 500)).toBeLessThanOrEqual(CAP);
			}, 120_000);
		});
	}
}
