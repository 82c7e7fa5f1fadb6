import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { EMessage } from '../emulator/state.js';
import { startScenario, type Scenario } from '../harness/scenario.js';
import { type TestDiscord, type Actor, type GuildFixture } from '../harness/TestDiscord.js';
import { REDIS_URL, testDatabases } from '../helpers/databases.js';

const CONFIG = [
	'tickets: { maxOpenPerUser: 1, cooldownSeconds: 0, hourlyLimit: 1000 }',
	'categories:',
	'  - { key: quick, displayName: Quick question }'
].join('\n');

for (const database of testDatabases()) {
	describe(`ticket limits under races (${database.provider}${REDIS_URL ? ', Redis' : ''})`, () => {
		let scenario: Scenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let db: DatabaseHandle;
		let panel: EMessage;

		beforeAll(async () => {
			scenario = await startScenario(database, { config: CONFIG, guildName: 'Busy Guild', redisUrl: REDIS_URL });
			({ discord, home, db } = scenario);
			panel = await discord.postPanel(home, 'race', 'Race');
		}, 60_000);

		afterAll(() => scenario?.stop());

		it('gives exactly one ticket for 50 simultaneous clicks by one member with max open 1', async () => {
			const interactions = Array.from({ length: 50 }, () => discord.world.click(home.alice.user, panel, 'Open a ticket'));
			const answers = await Promise.all(interactions.map((interaction) => discord.answer(interaction, 30_000)));
			const opened = answers.filter((answer) => /^Your ticket #\d+ is open/.test(answer.content));
			expect(opened).toHaveLength(1);
			for (const answer of answers.filter((entry) => !/^Your ticket #\d+ is open/.test(entry.content))) {
				expect(answer.content).toMatch(/^(Your ticket is already being created|You already have 1 open ticket)/);
			}
			expect(await db.prisma.ticket.count({ where: { openerId: home.alice.id } })).toBe(1);
			expect(discord.state.guildChannels(home.guild.id).filter((channel) => channel.name.startsWith('ticket-'))).toHaveLength(1);
		}, 60_000);

		it('numbers 200 members’ simultaneous tickets 1 to 200 (after the first), with no gap or duplicate', async () => {
			const members: Actor[] = Array.from({ length: 200 }, (_, index) => discord.join(home.guild, `member-${index}`));
			const interactions = members.map((member) => discord.world.click(member.user, panel, 'Open a ticket'));
			const answers = await Promise.all(interactions.map((interaction) => discord.answer(interaction, 90_000)));
			expect(answers.filter((answer) => /^Your ticket #\d+ is open/.test(answer.content))).toHaveLength(200);
			const numbers = (await db.prisma.ticket.findMany({ where: { guildId: home.guild.id }, select: { number: true } }))
				.map((row) => row.number)
				.sort((a, b) => a - b);
			expect(numbers).toEqual(Array.from({ length: 201 }, (_, index) => index + 1));
			const names = discord.state
				.guildChannels(home.guild.id)
				.filter((channel) => channel.name.startsWith('ticket-'))
				.map((channel) => channel.name);
			expect(new Set(names).size).toBe(201);
		}, 180_000);
	});
}
