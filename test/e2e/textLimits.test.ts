import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EMessage } from '../emulator/state.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import { testDatabases } from '../helpers/databases.js';

/** 44 letters then an emoji: Discord's 45-character modal title ends inside it. */
const LONG_NAME = `${'N'.repeat(44)}😀`;
/** A 4,000-character answer whose emoji straddles the 1,024-character embed field limit. */
const ANSWER = `${'a'.repeat(1022)}😀${'b'.repeat(4000 - 1024)}`;

for (const database of testDatabases()) {
	describe(`text cut to Discord's limits by whole characters (${database.provider})`, () => {
		let scenario: TicketScenario;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, { guildName: 'Limits' });
			const { home } = scenario;
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'long',
				display_name: LONG_NAME,
				staff_roles: `<@&${home.roles.staff.id}>`,
				questions: 'Tell us everything | paragraph | 1-4000'
			});
		}, 60_000);

		afterAll(() => scenario?.stop());

		async function expectWholeTicket(done: { content: string }) {
			const { discord, home } = scenario;
			const channelId = /<#(\d+)>/.exec(done.content)?.[1];
			expect(channelId, done.content).toBeTruthy();
			const welcome: EMessage = await discord.message(
				discord.state.channel(channelId!),
				(message) => message.authorId === discord.emulator.botId,
				'the welcome message'
			);
			const field = (welcome.embeds[0] as { fields: { name: string; value: string }[] }).fields[0]!;
			expect(field.name).toBe('Tell us everything');
			expect(field.value).toBe(`${'a'.repeat(1022)}…`);
			expect(JSON.stringify(welcome.components)).toContain('"label":"Claim"');
			expect(welcome.pingedRoleIds).toContain(home.roles.staff.id);
			expect((welcome.embeds[0] as { title: string }).title).toContain('😀');
		}

		it('opens the form of a category whose name is cut inside an emoji, and posts a 4,000-character answer (slash)', async () => {
			const { home } = scenario;
			const form = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'long' });
			expect(form.modal).toMatchObject({ title: `${'N'.repeat(44)}…` });
			await expectWholeTicket(await home.alice.submit(form, { 'Tell us everything': ANSWER }));
		});

		it('does the same from the button a prefix command offers', async () => {
			const { home } = scenario;
			const offer = await home.bob.command(home.general, '!ticket create long');
			const form = await home.bob.click(offer, LONG_NAME);
			expect(form.modal).toMatchObject({ title: `${'N'.repeat(44)}…` });
			await expectWholeTicket(await home.bob.submit(form, { 'Tell us everything': ANSWER }));
		});
	});
}
