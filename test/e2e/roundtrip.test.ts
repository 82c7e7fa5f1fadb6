import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommandTranslations } from '../../src/lib/i18n/commandDescriptions.js';
import { startBot, type TestBot } from '../harness/bot.js';
import { PROBE_PIECES } from '../harness/paths.js';
import { TestDiscord, type GuildFixture } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

for (const database of testDatabases()) {
	describe(`the real bot over the Discord emulator (${database.provider})`, () => {
		let discord: TestDiscord;
		let bot: TestBot;
		let home: GuildFixture;

		beforeAll(async () => {
			discord = await TestDiscord.start();
			home = discord.createGuild('Home');
			bot = startBot(discord.emulator, { databaseUrl: await database.create(), piecePaths: [PROBE_PIECES] });
			await bot.ready;
		});

		afterAll(async () => {
			await bot?.stop();
			await discord?.stop();
			await database.cleanup();
		});

		it('logs in over the gateway and registers its slash commands', () => {
			expect(discord.emulator.gateway.readyCount).toBe(1);
			const names = [...discord.state.commands.values()].map((command) => command.body.name);
			expect(names).toContain('probe');
			expect(discord.emulator.unknownRoutes).toEqual([]);
		});

		it('describes every command, subcommand and option in each translated language', () => {
			const paths = new Map<string, Record<string, unknown>>();
			// Descriptions of commands, subcommands and options, and names of choices (whose values stay codes).
			const walk = (path: string, node: Record<string, unknown>) => {
				paths.set(path, node);
				for (const option of (node.options ?? []) as Record<string, unknown>[]) walk(`${path} ${String(option.name)}`, option);
				for (const choice of (node.choices ?? []) as Record<string, unknown>[])
					paths.set(`${path} ${String(choice.value)}`, choice);
			};
			for (const command of discord.state.commands.values())
				if (command.body.name !== 'probe') walk(String(command.body.name), command.body);
			expect(paths.size).toBeGreaterThan(100);
			for (const [locale, texts] of loadCommandTranslations()) {
				// Nothing untranslated, nothing left over from a renamed or removed option.
				expect(Object.keys(texts).sort(), locale).toEqual([...paths.keys()].sort());
				for (const [path, node] of paths) {
					const localized = (node.description_localizations ?? node.name_localizations) as Record<string, string>;
					expect(localized[locale], `${locale}: ${path}`).toBe(texts[path]);
				}
			}
			expect(paths.get('ticket priority level high')).toEqual({
				name: 'high',
				value: 'high',
				name_localizations: { fr: 'Haute' }
			});
			expect(paths.get('ticket close reason')).toMatchObject({
				description: 'Why (shown in the ticket)',
				description_localizations: { fr: 'Pourquoi (affiché dans le ticket)' }
			});
		});

		it('answers a slash subcommand', async () => {
			const answer = await home.alice.slash(home.general, ['probe', 'echo'], { text: 'hello <b>' });
			expect(answer.content).toBe('echo: hello <b>');
			expect(answer.ephemeral).toBe(true);
		});

		it('answers a prefix command', async () => {
			const reply = await home.alice.command(home.general, '!probe echo from prefix');
			expect(reply.content).toBe('echo: from prefix');
		});

		it('handles a button click and a select choice on its message', async () => {
			const panel = await home.alice.slash(home.general, ['probe', 'panel']);
			expect(panel.ephemeral).toBe(false);
			const clicked = await home.bob.click(panel.message!, 'Press');
			expect(clicked.message!.id).toBe(panel.message!.id);
			expect(discord.state.messages.get(panel.message!.id)!.content).toBe('pressed by bob');

			const picked = await home.bob.select(panel.message!, ['red', 'green']);
			expect(picked.content).toBe('picked red, green');
			expect(picked.ephemeral).toBe(true);
		});

		it('opens a modal and handles its submission', async () => {
			const opened = await home.alice.slash(home.general, ['probe', 'form']);
			expect(opened.modal).toMatchObject({ custom_id: 'probe:modal', title: 'Probe form' });
			const submitted = await home.alice.submit(opened, { Topic: 'billing' });
			expect(submitted.content).toBe('topic: billing');
		});

		it('answers an unexpected error with a reference and no stack trace', async () => {
			const answer = await home.alice.slash(home.general, ['probe', 'fail']);
			expect(answer.ephemeral).toBe(true);
			expect(answer.content).toMatch(/^Something went wrong on our side.*`E-[0-9A-Z]{8}`/);
			expect(answer.content).not.toMatch(/probe failure|stack|\.ts/);
		});
	});
}
