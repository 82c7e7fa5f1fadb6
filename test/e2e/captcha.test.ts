import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import { challengeKey } from '../../src/lib/tickets/captcha.js';
import { startScenario, type Scenario } from '../harness/scenario.js';
import type { GuildFixture } from '../harness/TestDiscord.js';
import { REDIS_URL, testDatabases } from '../helpers/databases.js';

const [sqlite] = testDatabases();
const PREFIX = `test-captcha-${process.pid}`;

// The test reads the code the bot issued from Redis, where the bot keeps it: no OCR needed.
describe.skipIf(!REDIS_URL)('captcha before a ticket (Redis)', () => {
	let scenario: Scenario;
	let home: GuildFixture;
	let db: DatabaseHandle;
	let redis: Redis;
	let categoryId: number;

	beforeAll(async () => {
		scenario = await startScenario(sqlite!, {
			config: 'tickets: { cooldownSeconds: 0 }\ncategories:\n  - { key: verified, displayName: Verified help, captcha: true }\n',
			guildName: 'Careful',
			redisUrl: REDIS_URL,
			redisPrefix: PREFIX
		});
		({ home, db } = scenario);
		redis = new Redis(REDIS_URL!);
		await home.admin.slash(home.general, ['admin', 'category_list']);
		categoryId = (await db.prisma.category.findFirstOrThrow({ where: { guildId: home.guild.id, key: 'verified' } })).id;
	}, 60_000);

	afterAll(async () => {
		redis?.disconnect();
		await scenario?.stop();
	});

	const codeFor = async (userId: string) =>
		(JSON.parse((await redis.get(`${PREFIX}:${challengeKey(home.guild.id, userId, categoryId)}`))!) as { code: string }).code;

	it('shows a picture, refuses a wrong code with the tries left, and opens the ticket for the right one', async () => {
		const challenge = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'verified' });
		expect(challenge.ephemeral).toBe(true);
		expect(challenge.content).toBe('Before you open a ticket: type the code in the picture. You have 3 tries.');
		expect(challenge.message!.attachments[0]).toMatchObject({ filename: 'captcha.png', contentType: 'image/png' });

		const form = await home.alice.click(challenge.message!, 'Enter the code');
		expect(form.modal).toMatchObject({ title: 'Prove you are human' });
		const wrong = await home.alice.submit(form, { 'The code in the picture': 'WRONG' });
		expect(wrong.content).toBe('That is not the code. 2 tries left: press the button again.');
		const secondWrong = await home.alice.submit(await home.alice.click(challenge.message!, 'Enter the code'), {
			'The code in the picture': 'WRONG'
		});
		expect(secondWrong.content).toBe('That is not the code. 1 try left: press the button again.');
		expect(await db.prisma.ticket.count()).toBe(0);

		const again = await home.alice.click(challenge.message!, 'Enter the code');
		const solved = await home.alice.submit(again, { 'The code in the picture': await codeFor(home.alice.id) });
		expect(solved.content).toMatch(/^Your ticket #1 is open/);
		expect(await db.prisma.ticket.count()).toBe(1);
	});

	it('does not let a solved captcha open a second ticket', async () => {
		const challenge = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'verified' });
		expect(challenge.content).toMatch(/^Before you open a ticket/);
	});
});
